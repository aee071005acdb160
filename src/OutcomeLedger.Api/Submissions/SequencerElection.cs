using System.Diagnostics;
using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Api.Submissions;

/// <summary>
/// Exactly one server of a shared ledger sequences: the one holding the sequencer lock (on PostgreSQL an advisory lock that
/// dies with its session). Every server tries to take it about once a second; the holder catches up with the log, then
/// logs the queued entries in batches, each in one transaction, and records their outcomes. The log head's
/// compare-and-swap stays the last guard: a sequencer that lost its lock without noticing cannot fork the log.
/// </summary>
internal sealed partial class SequencerElection(ServedLedger ledger, IEntryQueue queue, ISequencerLock sequencerLock, ILogger<SequencerElection> logger) : BackgroundService
{
    public const int MaxBatch = 256;

    static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    /// <summary>Outcomes no server collected for this long are deleted, when a term starts and then while idle.</summary>
    static readonly TimeSpan UncollectedAge = TimeSpan.FromHours(1);

    static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var held = await sequencerLock.TryTakeAsync(stoppingToken);
                if (held is not null)
                {
                    LogElected(logger, Environment.ProcessId);
                    await SequenceAsync(held, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Losing the database or the lock ends this term, not the server: stand for election again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogTermEnded(logger, e.GetType().Name, e.Message);
            }

            try
            {
                await Task.Delay(RetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    async Task SequenceAsync(IQueueSignal held, CancellationToken stoppingToken)
    {
        await ledger.CatchUpAsync(stoppingToken);
        await queue.ForgetUncollectedAsync(UncollectedAge, stoppingToken);
        var swept = Stopwatch.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            var pending = await queue.PendingAsync(MaxBatch, stoppingToken);
            if (pending.Count == 0)
            {
                if (Stopwatch.GetElapsedTime(swept) > SweepInterval)
                {
                    await queue.ForgetUncollectedAsync(UncollectedAge, stoppingToken);
                    swept = Stopwatch.GetTimestamp();
                }

                // Also proves the lock's session is alive: a broken one throws and ends this term.
                await held.WaitAsync(RetryInterval, stoppingToken);
                continue;
            }

            // Not stoppingToken: a shutdown lets the batch in flight commit and its outcomes be recorded.
            var results = await ledger.Sequencer.SubmitAsync([.. pending.Select(p => p.Leaf)], CancellationToken.None);
            await queue.CompleteAsync([.. pending.Select((p, i) => (p.Id, results[i]))], CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "process {ProcessId} holds the sequencer lock: it now sequences this ledger")]
    static partial void LogElected(ILogger logger, int processId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sequencing stopped ({Error}: {Detail}); standing for election again")]
    static partial void LogTermEnded(ILogger logger, string error, string detail);
}
