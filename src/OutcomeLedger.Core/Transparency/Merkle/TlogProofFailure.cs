namespace OutcomeLedger.Core.Transparency.Merkle;

/// <summary>Why a c2sp.org/tlog-proof@v1 receipt was rejected.</summary>
public enum TlogProofFailure
{
    None,

    /// <summary>The receipt's bytes break the tlog-proof@v1 format.</summary>
    Malformed,

    /// <summary>The embedded checkpoint is malformed, or not signed by the log key, or a known key's signature is bad.</summary>
    Checkpoint,

    /// <summary>The checkpoint names another origin than the one expected.</summary>
    WrongOrigin,

    /// <summary>The index is not below the checkpoint's tree size.</summary>
    IndexOutOfRange,

    /// <summary>The inclusion proof has the wrong number of hashes for the index and tree size.</summary>
    WrongProofLength,

    /// <summary>The proof, from the given entry, leads to another root than the checkpoint's.</summary>
    RootMismatch,
}
