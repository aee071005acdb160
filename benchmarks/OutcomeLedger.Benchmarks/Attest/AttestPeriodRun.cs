using System.Diagnostics;
using System.Globalization;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Benchmarks.Attest;

/// <summary>
/// <c>attest-period [rounds]</c>: Mexico acknowledges 1,000 values of a U.S. indicator (100 ports × 10 months) with one
/// attestation by period (<see cref="LedgerSession.AttestByPeriodAsync(PeriodAttestationRequest, SigningKey, CancellationToken)"/>: find the values, check every entry against
/// the rules, sign, sequence, checkpoint), against a baseline in the same run on the same ledger: the same 1,000
/// acknowledgements signed by entry number and logged in one batch with no look-up and no pre-check
/// (<see cref="LedgerSession.RecordAsync(IReadOnlyList{LedgerRecord}, SigningKey, CancellationToken)"/>). The target
/// (issue 13) is ≤ 2 s for the 1,000 values; the ratio says what finding and pre-checking them costs on top.
/// </summary>
internal static class AttestPeriodRun
{
    const int Ports = 100;
    const int Months = 10;
    const double TargetMs = 2000;
    static readonly PartyId Operator = new("operator");
    static readonly PartyId Us = new("us");
    static readonly PartyId Mx = new("mx");

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var folder = Path.Combine(Path.GetTempPath(), "outcomes-attest-bench-" + Guid.NewGuid().ToString("N"));
        using var operatorKey = SigningKey.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray());
        using var us = SigningKey.FromSeed(Enumerable.Repeat((byte)2, 32).ToArray());
        using var mx = SigningKey.FromSeed(Enumerable.Repeat((byte)3, 32).ToArray());
        try
        {
            await using var ledger = await LedgerFolder.CreateAsync(folder, "attest-bench.example/log", null, CancellationToken.None);
            var session = ledger.Session;
            var now = session.Now();
            await SubmitAsync(session, [.. Setup(now, operatorKey, us, mx, rounds).Select(r => EntryCodec.Sign(r.Record, r.Key))]);
            var logged = new List<IReadOnlyList<ulong>>();
            for (var i = 0; i < rounds * 2; i++)
            {
                var records = Values(now, Indicator(i));
                var entries = new byte[records.Count][];
                Parallel.For(0, records.Count, j => entries[j] = EntryCodec.Sign(records[j], us));
                logged.Add(await SubmitAsync(session, entries));
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"attest-period: {Ports * Months} values a round, {rounds} rounds, SQLite at {folder}"));
            await output.WriteLineAsync("| round | by period (ms) | baseline: by entry, one batch (ms) | ratio |");
            await output.WriteLineAsync("| --- | --- | --- | --- |");
            var worst = 0.0;
            for (var round = 0; round < rounds; round++)
            {
                // The baseline first on its own indicator, then the use case on another of the same shape.
                var watch = Stopwatch.StartNew();
                await session.RecordAsync([.. logged[(round * 2) + 1].Select(m => new AttestationRecord { Author = Mx, RecordedAt = session.Now(), Measurement = m, Verdict = Verdict.Acknowledged })], mx, CancellationToken.None);
                var baseline = watch.Elapsed.TotalMilliseconds;

                watch.Restart();
                var report = await session.AttestByPeriodAsync(new PeriodAttestationRequest
                {
                    Indicator = Indicator(round * 2),
                    From = Period.Month(2025, 1),
                    To = Period.Month(2025, Months),
                    Author = Mx,
                    Verdict = Verdict.Acknowledged,
                }, mx, CancellationToken.None);
                var byPeriod = watch.Elapsed.TotalMilliseconds;
                if (report.Attested.Count != Ports * Months)
                {
                    throw new InvalidOperationException($"attested {report.Attested.Count} values, expected {Ports * Months}");
                }

                worst = Math.Max(worst, byPeriod);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {round + 1} | {byPeriod:F0} | {baseline:F0} | {byPeriod / baseline:F2} |"));
            }

            var met = worst <= TargetMs;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"slowest: {worst:F0} ms for {Ports * Months} values (target ≤ {TargetMs:F0} ms): {(met ? "met" : "NOT met")}"));
            return met ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    static IndicatorId Indicator(int i) => new(string.Create(CultureInfo.InvariantCulture, $"seizures-{i}"));

    static List<MeasurementRecord> Values(DateTimeOffset now, IndicatorId indicator) =>
    [
        .. from month in Enumerable.Range(1, Months)
           from port in Enumerable.Range(1, Ports)
           select new MeasurementRecord
           {
               Author = Us,
               RecordedAt = now,
               Indicator = indicator,
               Period = Period.Month(2025, month),
               Dimensions = new Dictionary<string, string> { ["port"] = string.Create(CultureInfo.InvariantCulture, $"port-{port:D3}") },
               Value = ((month * 31) + port) % 997,
               Source = new MeasurementSource("port seizure statistics", "https://example.org/seizures"),
           },
    ];

    static async Task<IReadOnlyList<ulong>> SubmitAsync(LedgerSession session, IReadOnlyList<byte[]> entries)
    {
        var results = await session.SubmitAsync(entries, CancellationToken.None);
        if (results.FirstOrDefault(r => r.Status == SubmitStatus.Rejected) is { } refused)
        {
            throw new InvalidOperationException("the benchmark ledger refused an entry: " + string.Join("; ", refused.Errors));
        }

        return [.. results.Select(r => r.Index!.Value)];
    }

    static IEnumerable<(LedgerRecord Record, SigningKey Key)> Setup(DateTimeOffset now, SigningKey operatorKey, SigningKey us, SigningKey mx, int rounds)
    {
        foreach (var (record, author) in BenchmarkAgreement.Records(
            now, new("bench"), new DateOnly(2024, 1, 1), Convert.ToBase64String(operatorKey.PublicKey),
            (Us, "United States", Convert.ToBase64String(us.PublicKey)), (Mx, "Mexico", Convert.ToBase64String(mx.PublicKey))))
        {
            yield return (record, author == Operator ? operatorKey : us);
        }

        for (var i = 0; i < rounds * 2; i++)
        {
            yield return (new IndicatorRecord
            {
                Author = Us,
                RecordedAt = now,
                Id = Indicator(i),
                Commitment = new("commitment"),
                Name = "Seizures by port",
                Unit = "events",
                MeasureType = MeasureType.Count,
                Direction = Direction.Up,
                PeriodType = PeriodType.Month,
                Aggregation = Aggregation.Sum,
                Reporter = Us,
                Dimensions = new Dictionary<string, IReadOnlyList<string>> { ["port"] = [.. Enumerable.Range(1, Ports).Select(p => string.Create(CultureInfo.InvariantCulture, $"port-{p:D3}"))] },
                DataSource = "port statistics",
            }, us);
        }
    }
}
