using System.Collections.Concurrent;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Api.Submissions;

/// <summary>
/// Submissions to a ledger shared by several servers: each entry goes into the durable queue, and its submitter is
/// answered once the sequencer (this server or another) recorded its outcome and this server caught up with the log,
/// so a client reads its own write from the server it wrote to. Woken by notifications, polling as a fallback.
/// </summary>
internal sealed partial class QueuedSubmissions(ServedLedger ledger, IEntryQueue queue, SubmissionBacklog backlog, ILogger<QueuedSubmissions> logger) : BackgroundService, IEntrySubmitter
{
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    readonly ConcurrentDictionary<long, TaskCompletionSource<SubmitResult?>> _waiting = new();
    volatile bool _closed;

    public async Task<SubmitResult?> SubmitAsync(byte[] leaf, CancellationToken cancellationToken)
    {
        if (_closed)
        {
            return null;
        }

        using var waiting = backlog.Enter();
        var id = await queue.EnqueueAsync(leaf, Rfc6962.HashLeaf(leaf), CancellationToken.None);
        var outcome = new TaskCompletionSource<SubmitResult?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = outcome;
        // Once queued the entry will be sequenced even if this client goes away: wait for the outcome regardless.
        return await outcome.Task;
    }

    /// <summary>Takes no new entry, and answers those already queued while the host's shutdown allows.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _closed = true;
        while (!_waiting.IsEmpty && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }

        // Still queued: the entry may yet be logged; the client resubmits (an identical entry is answered with its index).
        foreach (var (_, waiting) in _waiting)
        {
            waiting.TrySetResult(null);
        }

        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await queue.ListenForOutcomesAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await listener.WaitAsync(PollInterval, stoppingToken);
                    await ledger.CatchUpAsync(stoppingToken);
                    await AnswerAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may come back: log, wait, listen again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogListenFailed(logger, e.GetType().Name, e.Message);
                await Task.Delay(PollInterval, CancellationToken.None);
            }
        }
    }

    async Task AnswerAsync(CancellationToken cancellationToken)
    {
        if (_waiting.IsEmpty)
        {
            return;
        }

        var outcomes = await queue.OutcomesAsync([.. _waiting.Keys], cancellationToken);
        if (outcomes.Count == 0)
        {
            return;
        }

        foreach (var (id, result) in outcomes)
        {
            if (_waiting.TryRemove(id, out var waiting))
            {
                waiting.TrySetResult(result);
            }
        }

        await queue.ForgetAsync([.. outcomes.Select(o => o.Id)], cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "waiting for sequenced entries failed ({Error}: {Detail}); retrying")]
    static partial void LogListenFailed(ILogger logger, string error, string detail);
}
