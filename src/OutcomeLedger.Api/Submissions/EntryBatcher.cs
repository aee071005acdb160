using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Api.Submissions;

/// <summary>
/// The server's front on a SQLite ledger: the core's <see cref="BatchingSequencer"/>, so each request prepares its
/// own entry (hash, parse, signature) before queuing it and the sequencer checks and commits batches of whatever
/// queued meanwhile. Each submitter is answered only after its batch committed. On shutdown no new entry is taken, and
/// the entries already queued are integrated.
/// </summary>
internal sealed partial class EntryBatcher : IHostedService, IEntrySubmitter, IAsyncDisposable
{
    /// <summary>At most this many entries of up to 64 KiB in one transaction.</summary>
    public const int MaxBatch = 256;

    readonly BatchingSequencer _front;
    readonly SubmissionBacklog _backlog;

    public EntryBatcher(ServedLedger ledger, SubmissionBacklog backlog, ILogger<EntryBatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        _backlog = backlog;
        _front = new BatchingSequencer(ledger.Sequencer, MaxBatch, capacity: 4 * MaxBatch, batchFailed: (count, e) => LogBatchFailed(logger, count, e.GetType().Name));
    }

    /// <summary>Queues an entry and waits for its acknowledgement; null when the server is shutting down.</summary>
    public async Task<SubmitResult?> SubmitAsync(byte[] leaf, CancellationToken cancellationToken)
    {
        using var waiting = _backlog.Enter();
        try
        {
            return await _front.SubmitAsync(leaf, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await _front.DisposeAsync();

    public ValueTask DisposeAsync() => _front.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Error, Message = "a batch of {Count} entries was not written ({Error}); nothing of it is logged")]
    static partial void LogBatchFailed(ILogger logger, int count, string error);
}
