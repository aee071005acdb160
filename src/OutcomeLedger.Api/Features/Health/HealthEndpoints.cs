using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Metrics;
using OutcomeLedger.Api.Features.Witnesses;
using OutcomeLedger.Api.Submissions;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Api.Features.Health;

/// <summary>
/// For orchestrators and load balancers: <c>/healthz</c> says the process answers (liveness; it touches nothing);
/// <c>/readyz</c> says whether it should be sent traffic: the database answers, and the sequencer keeps up (no entry
/// has waited for its batch longer than <see cref="MaxWait"/>), with how long the latest checkpoint has stood. Both
/// are JSON, never cached, and open on a private ledger (they show no ledger data, not even its size).
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>An entry normally waits for one batch, well under a second; this long means the sequencer is not keeping up.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>A database that takes longer than this to read the latest checkpoint counts as unreachable.</summary>
    public static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    public static readonly string[] Paths = ["/healthz", "/readyz"];

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", Alive).WithTags("Health").WithName("Alive")
            .WithSummary("Liveness: the process answers");
        routes.MapGet("/readyz", ReadyAsync).WithTags("Health").WithName("Ready")
            .WithSummary("Readiness: the database answers, the sequencer keeps up, and the latest checkpoint is recent enough while entries wait")
            .Produces<Readiness>(StatusCodes.Status200OK)
            .Produces<Readiness>(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    static Ok<Liveness> Alive(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new Liveness("alive"));
    }

    static async Task<JsonHttpResult<Readiness>> ReadyAsync(HttpContext context, ServedLedger ledger, SubmissionBacklog backlog, CheckpointWatch watch, WitnessPusher witnesses, LedgerServerOptions options)
    {
        context.Response.Headers.CacheControl = "no-store";
        var database = await CheckDatabaseAsync(ledger.Store, watch, context.RequestAborted);
        var (waiting, oldest) = backlog.Measure();
        // Witnesses are shown, never judged: an outage or an alarm of theirs must not take the log out of service.
        var reports = witnesses.Reports;
        var age = LedgerMetrics.CheckpointAge(ledger, options.Time) ?? database.CheckpointUnchanged;
        var readiness = Judge(database.Check, waiting, oldest, database.CheckpointUnchanged, age, options.MaxCheckpointAge) with { Witnesses = reports.Count > 0 ? reports : null };
        return TypedResults.Json(readiness, statusCode: readiness.Status == "ready" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// The report, and whether it is ready: the database answers, the sequencer keeps up, and (with a
    /// <paramref name="maxCheckpointAge"/>) no entry waits while the latest checkpoint is older than that. Each failed
    /// check is named in <see cref="Readiness.Reasons"/>.
    /// </summary>
    internal static Readiness Judge(DatabaseCheck database, int waiting, TimeSpan oldestWait, TimeSpan? checkpointUnchanged, TimeSpan? checkpointAge = null, TimeSpan? maxCheckpointAge = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var reasons = new List<string>();
        if (!database.Ok)
        {
            reasons.Add($"database: {database.Error}");
        }

        var sequencer = new SequencerCheck(oldestWait <= MaxWait, waiting, Math.Round(oldestWait.TotalSeconds, 3));
        if (!sequencer.Ok)
        {
            reasons.Add($"sequencer: an entry has waited {sequencer.OldestWaitSeconds:0.###} s for its batch (more than {MaxWait.TotalSeconds:0} s)");
        }

        CheckpointCheck? checkpoint = null;
        if (checkpointUnchanged is { } unchanged)
        {
            var stale = checkpointAge is { } age && maxCheckpointAge is { } max && waiting > 0 && age > max;
            checkpoint = new CheckpointCheck(Math.Round(unchanged.TotalSeconds, 3))
            {
                AgeSeconds = checkpointAge is { } known ? Math.Round(known.TotalSeconds, 3) : null,
                MaxAgeSeconds = maxCheckpointAge?.TotalSeconds,
                Ok = !stale,
            };
            if (stale)
            {
                reasons.Add($"checkpoint: the latest was signed {checkpoint.AgeSeconds:0.###} s ago (more than --max-checkpoint-age {maxCheckpointAge!.Value.TotalSeconds:0.###} s) while {waiting} entries wait");
            }
        }

        return new Readiness(reasons.Count == 0 ? "ready" : "not ready", database, sequencer, checkpoint) { Reasons = reasons.Count > 0 ? reasons : null };
    }

    static async Task<(DatabaseCheck Check, TimeSpan? CheckpointUnchanged)> CheckDatabaseAsync(ILogStore store, CheckpointWatch watch, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DatabaseTimeout);
        try
        {
            var latest = await store.GetLatestCheckpointAsync(timeout.Token);
            var milliseconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
            return (new DatabaseCheck(true, milliseconds, null), latest is null ? null : watch.Observe(latest.Size));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (new DatabaseCheck(false, null, $"no answer within {DatabaseTimeout.TotalSeconds:0} s"), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The type only: a database's message may name a host or user, and this endpoint is open.
            return (new DatabaseCheck(false, null, $"the database could not be read ({e.GetType().Name})"), null);
        }
    }

    internal sealed record Liveness(string Status);

    internal sealed record Readiness(string Status, DatabaseCheck Database, SequencerCheck Sequencer, CheckpointCheck? Checkpoint)
    {
        /// <summary>Each witness the log submits to (<c>--witness</c>): the size it last cosigned, and its alarm while its latest round failed.</summary>
        public IReadOnlyList<WitnessReport>? Witnesses { get; init; }

        /// <summary>Why it is not ready, one line a failed check; absent when ready.</summary>
        public IReadOnlyList<string>? Reasons { get; init; }
    }

    internal sealed record DatabaseCheck(bool Ok, double? Milliseconds, string? Error);

    internal sealed record SequencerCheck(bool Ok, int Waiting, double OldestWaitSeconds);

    /// <summary>
    /// How long this server has seen the same latest checkpoint (since it started, at most): a stalled log, or a quiet
    /// one; how long ago it was signed (its log time); and, with <c>--max-checkpoint-age</c>, that bound and whether
    /// it holds (it fails only while entries wait: a quiet log's checkpoint may grow as old as it likes).
    /// </summary>
    internal sealed record CheckpointCheck(double UnchangedSeconds)
    {
        public double? AgeSeconds { get; init; }

        public double? MaxAgeSeconds { get; init; }

        public bool Ok { get; init; } = true;
    }
}
