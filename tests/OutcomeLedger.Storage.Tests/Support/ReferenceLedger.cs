using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;

namespace OutcomeLedger.Storage.Tests.Support;

/// <summary>
/// The reference semantics of submitting entries one by one: a complete <see cref="LedgerState"/> replayed entry by
/// entry, beside a dictionary of the leaf hash of everything logged. An entry whose bytes were logged before is a
/// duplicate of that first index; otherwise it is checked as the next entry and applied when accepted. No store, no
/// batches, nothing loaded on demand.
/// </summary>
public sealed class ReferenceLedger
{
    readonly Dictionary<Hash, ulong> _logged = [];

    /// <summary>The complete state after every entry submitted so far.</summary>
    public LedgerState State { get; } = new();

    /// <summary>The tree of every entry logged so far.</summary>
    public MerkleTree Tree { get; } = new();

    public ReplayOutcome Submit(byte[] entry) => Submit(entry, null);

    /// <summary>As the overload without it, logged at <paramref name="logTime"/> when given: the sequencer's clock rules apply too.</summary>
    public ReplayOutcome Submit(byte[] entry, DateTimeOffset? logTime)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var leafHash = Rfc6962.HashLeaf(entry);
        if (_logged.TryGetValue(leafHash, out var first))
        {
            return new ReplayOutcome(SubmitStatus.Duplicate, first, leafHash, []);
        }

        var check = State.Check(entry);
        if (check.IsAccepted && logTime is { } time && LogTime.Check(check.Record!, time) is { Count: > 0 } untimely)
        {
            check = EntryCheck.Rejected(untimely);
        }

        if (!check.IsAccepted)
        {
            return new ReplayOutcome(SubmitStatus.Rejected, null, leafHash, check.Errors);
        }

        var index = State.Size;
        State.Apply(check.Record!, leafHash);
        Tree.AppendLeafHash(leafHash);
        _logged[leafHash] = index;
        return new ReplayOutcome(SubmitStatus.Accepted, index, leafHash, []);
    }
}
