using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Transparency.Merkle;

/// <summary>Why a proof check failed.</summary>
public enum ProofFailure
{
    None,
    /// <summary>The index or sizes are outside what the proof can speak for.</summary>
    BadArguments,
    /// <summary>The proof has the wrong number of hashes for the index and sizes.</summary>
    WrongProofLength,
    /// <summary>The proof is well formed but leads to another root than the one given.</summary>
    RootMismatch,
}

/// <summary>The outcome of checking a Merkle proof: valid, or what failed with the root expected and the root computed.</summary>
public readonly record struct ProofCheck(ProofFailure Failure, string Message, Hash? Expected = null, Hash? Computed = null)
{
    public static ProofCheck Valid { get; } = new(ProofFailure.None, "valid");

    public bool IsValid => Failure == ProofFailure.None;

    public static ProofCheck BadArguments(string message) => new(ProofFailure.BadArguments, message);

    public static ProofCheck WrongLength(int expected, int actual) =>
        new(ProofFailure.WrongProofLength, $"the proof has {actual} hashes; {expected} are needed");

    public static ProofCheck RootMismatch(string which, Hash expected, Hash computed) =>
        new(ProofFailure.RootMismatch, $"{which} mismatch: expected {expected}, computed {computed}", expected, computed);

    public override string ToString() => Message;
}
