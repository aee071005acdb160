using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// What awaits one party's attestation at a checkpoint (<see cref="LedgerSession.ReviewQueueAsync"/>): the current values
/// of the indicators it may attest, reported by another party, on which it has no verdict standing, in groups of one
/// indicator and a run of consecutive periods, newest first.
/// </summary>
public sealed record ReviewQueue(PartyId Party, StoredCheckpoint? Checkpoint, IReadOnlyList<ReviewGroup> Groups)
{
    public int Count => Groups.Sum(g => g.Values.Count);
}
