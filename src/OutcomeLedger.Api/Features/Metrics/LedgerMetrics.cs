using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OutcomeLedger.Api.Submissions;
using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Api.Features.Metrics;

/// <summary>
/// The server's instruments (System.Diagnostics.Metrics), one meter per server: entries appended, batch sizes, commit
/// latency, the submission queue's depth, the latest checkpoint's age, each witness's newest cosignature's age, HTTP
/// requests by route and status, and witness alarms. Without <c>--metrics</c> nothing listens, and recording costs
/// next to nothing; with it <see cref="PrometheusExporter"/> serves them on <c>/metrics</c>. No instrument carries a
/// key, a token, a party's data or a client address.
/// </summary>
internal sealed class LedgerMetrics : IDisposable
{
    public const string MeterName = "OutcomeLedger";

    /// <summary>Instruments whose every measurement carries labels: no unlabelled zero series is shown for them.</summary>
    public static readonly string[] Labelled = ["outcomes.http.requests", "outcomes.witness.alarms", "outcomes.cosignature.age"];

    readonly Counter<long> _appended;
    readonly Histogram<int> _batchSize;
    readonly Histogram<double> _commitDuration;
    readonly Counter<long> _requests;
    readonly Counter<long> _alarms;
    readonly ConcurrentDictionary<string, DateTimeOffset> _cosigned = new(StringComparer.Ordinal);
    readonly TimeProvider _time;

    public LedgerMetrics(ServedLedger ledger, SubmissionBacklog backlog, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(backlog);
        _time = time;
        Meter = new Meter(MeterName, typeof(LedgerMetrics).Assembly.GetName().Version?.ToString());
        _appended = Meter.CreateCounter<long>("outcomes.entries.appended", "{entry}", "Entries appended to the log (rate: entries per second)");
        _batchSize = Meter.CreateHistogram("outcomes.batch.size", "{entry}", "Entries in each batch the sequencer committed",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        _commitDuration = Meter.CreateHistogram("outcomes.commit.duration", "s", "Time to check and durably write one batch",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        Meter.CreateObservableGauge("outcomes.queue.depth", () => backlog.Measure().Count, "{entry}", "Entries this server handed to the sequencer and not yet answered");
        Meter.CreateObservableGauge("outcomes.checkpoint.age", () => CheckpointAge(ledger, time) is { } age ? [new Measurement<double>(age.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s", "Seconds since the latest checkpoint was signed (its log time); absent while the log is empty");
        Meter.CreateObservableGauge("outcomes.cosignature.age", CosignatureAges, "s", "Seconds since this server last stored a cosignature by each witness");
        _requests = Meter.CreateCounter<long>("outcomes.http.requests", "{request}", "HTTP requests answered, by route template, method and status");
        _alarms = Meter.CreateCounter<long>("outcomes.witness.alarms", "{alarm}", "Failed submissions to a witness (--witness), by witness and alarm");
        ledger.Sequencer.Committed = Committed;
    }

    public Meter Meter { get; }

    /// <summary>How old the latest checkpoint is by its log time, or null while the log is empty or its checkpoint states none.</summary>
    public static TimeSpan? CheckpointAge(ServedLedger ledger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(time);
        return ledger.Sequencer.LatestLogTime is { } signed ? Max(time.GetUtcNow() - signed, TimeSpan.Zero) : null;
    }

    public void Committed(CommittedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _appended.Add(batch.Appended);
        _batchSize.Record(batch.Submitted);
        _commitDuration.Record(batch.Duration.TotalSeconds);
    }

    public void Request(string route, string method, int status) =>
        _requests.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("status", status));

    /// <summary>A witness refused, answered badly or did not answer (the alarm in kebab case, as <c>/readyz</c> shows it).</summary>
    public void WitnessAlarm(string witness, string alarm) =>
        _alarms.Add(1, new KeyValuePair<string, object?>("witness", witness), new KeyValuePair<string, object?>("alarm", alarm));

    /// <summary>A cosignature by <paramref name="witness"/> (its key name) was verified and stored now.</summary>
    public void Cosigned(string witness) => _cosigned[witness] = _time.GetUtcNow();

    public void Dispose() => Meter.Dispose();

    IEnumerable<Measurement<double>> CosignatureAges()
    {
        var now = _time.GetUtcNow();
        return [.. _cosigned.Select(c => new Measurement<double>(Max(now - c.Value, TimeSpan.Zero).TotalSeconds, new KeyValuePair<string, object?>("witness", c.Key)))];
    }

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
