namespace OutcomeLedger.Core.Sequencing;

/// <summary>
/// The election of the one sequencer of a ledger that several servers share: at most one holder at a time, and the
/// lock dies with its holder (even one killed without warning), so another server can take over. The log head's
/// compare-and-swap stays the last guard: a holder that lost the lock without noticing cannot fork the log.
/// </summary>
public interface ISequencerLock
{
    /// <summary>
    /// Takes the lock if nobody holds it; null when another server sequences. The returned signal holds the lock until
    /// disposed, wakes when entries are queued, and throws from <see cref="IQueueSignal.WaitAsync"/> once the lock is lost.
    /// </summary>
    Task<IQueueSignal?> TryTakeAsync(CancellationToken cancellationToken);
}
