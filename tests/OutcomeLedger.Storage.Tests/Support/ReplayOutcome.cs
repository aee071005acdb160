using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Storage.Tests.Support;

/// <summary>What a ledger answers to one submitted entry: logged (at an index), a repeat (of an index) or refused (why).</summary>
public sealed record ReplayOutcome(SubmitStatus Status, ulong? Index, Hash LeafHash, IReadOnlyList<ValidationError> Errors)
{
    public static ReplayOutcome Of(SubmitResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Status, result.Index, result.LeafHash, result.Errors);
    }

    /// <summary>Whether both say the same: status, index, leaf hash and every error, field and message, in order.</summary>
    public bool SameAs(ReplayOutcome other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Status == other.Status && Index == other.Index && LeafHash == other.LeafHash && Errors.SequenceEqual(other.Errors);
    }

    public override string ToString() => Status switch
    {
        SubmitStatus.Accepted => $"accepted at {Index}",
        SubmitStatus.Duplicate => $"duplicate of {Index}",
        _ => $"rejected{(Index is null ? "" : $" (index {Index})")}: {string.Join("; ", Errors)}",
    };
}
