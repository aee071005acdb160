using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Transparency.Merkle;

/// <summary>
/// The outcome of checking a tlog-proof@v1 receipt: valid with the verified checkpoint (whose note says which
/// witnesses cosigned it), or what failed.
/// </summary>
public sealed record TlogProofCheck(TlogProofFailure Failure, string Message, SignedCheckpoint? Checkpoint = null)
{
    public bool IsValid => Failure == TlogProofFailure.None;

    public static TlogProofCheck Valid(SignedCheckpoint checkpoint) => new(TlogProofFailure.None, "valid", checkpoint);

    public static TlogProofCheck Failed(TlogProofFailure failure, string message) => new(failure, message);

    public override string ToString() => Message;
}
