namespace OutcomeLedger.Core.Sequencing;

/// <summary>
/// A wake-up from a shared entry queue. It only wakes a waiter early: waiters poll on a timeout too, so a lost signal
/// delays, never loses, an outcome.
/// </summary>
public interface IQueueSignal : IAsyncDisposable
{
    /// <summary>Waits for a signal, at most <paramref name="timeout"/>; true if one came. Throws when the signal's connection is gone.</summary>
    Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
