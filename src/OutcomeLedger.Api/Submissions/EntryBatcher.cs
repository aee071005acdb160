using System.Threading.Channels;
using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Api.Submissions;

/// <summary>
/// Gathers concurrent submissions into sequencer batches: while one batch commits, the next fills. Each request
/// prepares its own entry (hash, parse, signature) on its own thread before queuing it, so that work runs on every core
/// while the sequencer checks and commits the batch before. Each submitter is answered only after its batch committed.
/// On shutdown no new entry is taken, and the batches already queued finish.
/// </summary>
internal sealed partial class EntryBatcher(ServedLedger ledger, ILogger<EntryBatcher> logger) : BackgroundService, IEntrySubmitter
{
    public const int MaxBatch = 256;

    readonly Channel<PendingEntry> _queue = Channel.CreateBounded<PendingEntry>(new BoundedChannelOptions(4 * MaxBatch) { SingleReader = true });

    /// <summary>Queues an entry and waits for its acknowledgement; null when the server is shutting down.</summary>
    public async Task<SubmitResult?> SubmitAsync(byte[] leaf, CancellationToken cancellationToken)
    {
        var pending = new PendingEntry(ledger.Sequencer.Prepare(leaf), new TaskCompletionSource<SubmitResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return null;
        }

        // Once queued the entry will be sequenced even if this client goes away: wait for the outcome regardless.
        return await pending.Acknowledgement.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingEntry>(MaxBatch);
        // Not stoppingToken: a shutdown completes the channel and lets the queued batches finish.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await IntegrateAsync(batch);
        }
    }

    async Task IntegrateAsync(List<PendingEntry> batch)
    {
        try
        {
            var results = await ledger.Sequencer.SubmitPreparedAsync([.. batch.Select(p => p.Entry)], CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Acknowledgement.SetResult(results[i]);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogBatchFailed(logger, batch.Count, e.GetType().Name);
            foreach (var pending in batch)
            {
                pending.Acknowledgement.TrySetException(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "a batch of {Count} entries was not written ({Error}); nothing of it is logged")]
    static partial void LogBatchFailed(ILogger logger, int count, string error);
}
