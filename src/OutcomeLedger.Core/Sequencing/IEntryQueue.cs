using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Sequencing;

/// <summary>
/// The durable queue in front of the one sequencer of a ledger that several servers share. A server enqueues each entry
/// it accepted and waits for its outcome; the holder of the <see cref="ISequencerLock"/> takes pending entries in order,
/// logs them and records each outcome. It carries the sequencer's outcomes, so it sits here beside the sequencer rather
/// than in Storage's namespace, which the sequencer itself depends on.
/// </summary>
public interface IEntryQueue
{
    /// <summary>Queues an entry and wakes the sequencer; returns its queue id.</summary>
    Task<long> EnqueueAsync(byte[] leaf, Hash leafHash, CancellationToken cancellationToken);

    /// <summary>The oldest pending entries, at most <paramref name="max"/>, in queue order.</summary>
    Task<IReadOnlyList<QueuedEntry>> PendingAsync(int max, CancellationToken cancellationToken);

    /// <summary>Records the outcome of each entry (after its batch committed to the log) and wakes the waiting servers.</summary>
    Task CompleteAsync(IReadOnlyList<(long Id, SubmitResult Result)> outcomes, CancellationToken cancellationToken);

    /// <summary>The recorded outcomes of those of <paramref name="ids"/> that have one.</summary>
    Task<IReadOnlyList<(long Id, SubmitResult Result)>> OutcomesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Deletes answered entries (the log keeps the logged ones).</summary>
    Task ForgetAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Deletes outcomes answered longer than <paramref name="age"/> ago that no server collected; returns how many.</summary>
    Task<int> ForgetUncollectedAsync(TimeSpan age, CancellationToken cancellationToken);

    /// <summary>A signal that wakes when outcomes are recorded.</summary>
    Task<IQueueSignal> ListenForOutcomesAsync(CancellationToken cancellationToken);
}
