using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Sequencing;

/// <summary>The acknowledgement of one entry, given only after its batch committed: its log index, or why it was refused.</summary>
public sealed record SubmitResult(SubmitStatus Status, ulong? Index, Hash LeafHash, IReadOnlyList<ValidationError> Errors, ulong? CheckpointSize = null)
{
    public bool IsLogged => Status is SubmitStatus.Accepted or SubmitStatus.Duplicate;
}
