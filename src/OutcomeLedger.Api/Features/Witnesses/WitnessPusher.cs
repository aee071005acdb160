using System.Collections.Concurrent;
using System.Text;
using OutcomeLedger.Api.Features.Log;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Api.Features.Witnesses;

/// <summary>
/// Submits every new checkpoint of the served log to each configured witness (<see cref="WitnessClient"/>), each witness
/// on its own loop so a slow or dead one delays no other, and none delays sequencing: the sequencer never waits for this.
/// A cosignature is stored with its checkpoint only after it verified with the witness's key, and then served with
/// <c>/checkpoint</c>. A failed round is logged (without secrets), shown on <c>/readyz</c>, and retried with a back-off
/// that doubles from <see cref="FirstRetry"/> to <see cref="LastRetry"/>; the first success clears it.
/// </summary>
// c2sp.org/tlog-witness
internal sealed partial class WitnessPusher(ServedLedger ledger, CheckpointCache cache, IReadOnlyList<LogWitness> witnesses, TimeSpan timeout, ILogger<WitnessPusher> logger, Metrics.LedgerMetrics? metrics = null) : BackgroundService
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(5);

    /// <summary>How often each loop looks for a new checkpoint (an in-memory read of the sequencer's latest).</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    readonly ConcurrentDictionary<LogWitness, WitnessReport> _reports = new();

    /// <summary>Each configured witness as it stands, in configuration order.</summary>
    public IReadOnlyList<WitnessReport> Reports =>
        [.. witnesses.Select(w => _reports.TryGetValue(w, out var report) ? report : new WitnessReport(w.Key.Name, w.Display, null, null, null, 0))];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(witnesses.Select(w => Task.Run(() => RunAsync(w, stoppingToken), stoppingToken)));

    async Task RunAsync(LogWitness witness, CancellationToken stoppingToken)
    {
        using var client = new WitnessClient(witness, timeout);
        // Delays are real time, never the log's clock: a log clock held still (tests, replays) must not stall witnessing.
        var clock = TimeProvider.System;
        ulong knownSize = 0;
        StoredCheckpoint? done = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var latest = ledger.Sequencer.Latest;
                if (latest is null || ReferenceEquals(latest, done) || (done is not null && done.Size == latest.Size && done.Root == latest.Root))
                {
                    await Task.Delay(Poll, clock, stoppingToken);
                    continue;
                }

                var outcome = await SubmitAsync(client, latest, knownSize, stoppingToken);
                if (outcome.Succeeded)
                {
                    done = latest;
                    knownSize = latest.Size;
                    failures = 0;
                    _reports[witness] = new WitnessReport(witness.Key.Name, witness.Display, latest.Size, null, null, 0);
                    metrics?.Cosigned(witness.Key.Name);
                    LogCosigned(witness.Key.Name, witness.Display, latest.Size);
                    continue;
                }

                failures++;
                if (outcome.WitnessSize is { } size && outcome.Alarm is not (WitnessAlarm.SizeBeyondLog or WitnessAlarm.Forked or WitnessAlarm.Inconsistent))
                {
                    knownSize = size;
                }

                var previous = _reports.TryGetValue(witness, out var report) ? report.CosignedSize : null;
                var alarm = Kebab(outcome.Alarm!.Value);
                _reports[witness] = new WitnessReport(witness.Key.Name, witness.Display, previous, alarm, outcome.Error, failures);
                metrics?.WitnessAlarm(witness.Key.Name, alarm);
                if (outcome.Alarm == WitnessAlarm.Unreachable)
                {
                    LogUnreachable(witness.Key.Name, witness.Display, latest.Size, outcome.Error!, failures);
                }
                else
                {
                    LogAlarm(witness.Key.Name, witness.Display, alarm, latest.Size, outcome.Error!);
                }

                var wait = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 20)));
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    async Task<WitnessSubmission> SubmitAsync(WitnessClient client, StoredCheckpoint latest, ulong knownSize, CancellationToken cancellationToken)
    {
        try
        {
            // The checkpoint as the log signed it: other witnesses' cosignatures are not the witness's business.
            if (!SignedNote.TryParse(Encoding.UTF8.GetBytes(latest.Note), out var stored, out var noteError)
                || !Checkpoint.TryParse(stored.Text, out var checkpoint, out noteError))
            {
                throw new InvalidDataException($"the checkpoint of size {latest.Size} does not parse: {noteError.Message}");
            }

            var current = await ledger.Store.GetCheckpointAsync(latest.Size, cancellationToken);
            if (current is not null && HasCosignature(current.Note, client.Witness.Key))
            {
                // Stored before (by an earlier run of this server, or another server on the same database).
                return WitnessSubmission.Cosigned("", latest.Size);
            }

            var outcome = await client.SubmitAsync(stored, checkpoint, knownSize, (from, ct) => ProveAsync(from, latest.Size, ct), cancellationToken);
            if (outcome.Succeeded)
            {
                await ledger.Store.AddCosignatureAsync(latest.Size, outcome.Cosignature!, cancellationToken);
                cache.Invalidate();
            }

            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return WitnessSubmission.Failed(WitnessAlarm.Unreachable, $"this server could not submit: {e.GetType().Name}");
        }
    }

    async Task<IReadOnlyList<Hash>> ProveAsync(ulong from, ulong to, CancellationToken cancellationToken) =>
        await ledger.ComputeFromTilesAsync(to, hashes => MerkleMath.ConsistencyProof(hashes, from, to), cancellationToken);

    /// <summary>Whether a stored note already carries a signature line by <paramref name="key"/>.</summary>
    internal static bool HasCosignature(string note, VerifierKey key) =>
        SignedNote.TryParse(Encoding.UTF8.GetBytes(note), out var parsed, out _) && parsed.Signatures.Any(s => s.KeyName == key.Name && s.KeyId == key.KeyId);

    static string Kebab(WitnessAlarm alarm) => string.Concat(alarm.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    [LoggerMessage(Level = LogLevel.Information, Message = "witness {Name} ({Url}) cosigned the checkpoint of size {Size}")]
    partial void LogCosigned(string name, string url, ulong size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "witness {Name} ({Url}) did not cosign size {Size}: {Error} (failure {Failures} in a row; retrying with back-off)")]
    partial void LogUnreachable(string name, string url, ulong size, string error, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "witness alarm {Alarm}: {Name} ({Url}) refused the checkpoint of size {Size}: {Error}")]
    partial void LogAlarm(string name, string url, string alarm, ulong size, string error);
}
