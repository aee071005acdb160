using System.Globalization;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Benchmarks.Growth;

/// <summary>
/// A ledger of a given size for the growth runs, built once and kept: the operator, the United States, one agreement,
/// statement and commitment, indicators of 200 ports each filled month by month from 1900-01 until the size is
/// reached, and empty indicators for imports. Signed with fixed keys; the US key is kept in the folder for the CLI.
/// </summary>
internal static class GrowthLedger
{
    public const int Ports = 200;
    public const int ImportTargets = 12;
    public const string Origin = "growth.example/log";
    // Entries are stamped with the time they are written: the log refuses one more than 10 minutes from its clock, and
    // building the 1M ledger takes longer than that.
    static DateTimeOffset At
    {
        get
        {
            var now = TimeProvider.System.GetUtcNow();
            return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }
    }
    static readonly PartyId Operator = new("operator");
    static readonly PartyId Us = new("us");
    static readonly string[] PortNames = [.. Enumerable.Range(1, Ports).Select(i => $"port-{i:D3}")];

    /// <summary>The indicator the measured commands read: the first one.</summary>
    public static IndicatorId Measured => new("seizures-1");

    public static IndicatorId ImportTarget(int run) => new($"imported-{run}");

    public static SigningKey UsKey() => SigningKey.FromSeed(Enumerable.Repeat((byte)2, 32).ToArray());

    /// <summary>The ledger folder of <paramref name="size"/> entries under <paramref name="cache"/>, built if it is not there yet.</summary>
    public static async Task<string> EnsureAsync(string cache, int size, TextWriter log)
    {
        var folder = Path.Combine(cache, size.ToString(CultureInfo.InvariantCulture));
        if (File.Exists(Path.Combine(folder, "built")))
        {
            return folder;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        using var operatorKey = SigningKey.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray());
        using var us = UsKey();
        await using (var ledger = await LedgerFolder.CreateAsync(folder, Origin, null, CancellationToken.None))
        {
            KeyFile.WriteSigningKey(Path.Combine(ledger.KeysPath, "operator.key"), operatorKey);
            KeyFile.WriteSigningKey(Path.Combine(ledger.KeysPath, "us.key"), us);
            var setup = Setup(operatorKey, us, size).ToList();
            await SubmitAsync(ledger, [.. setup.Select(r => EntryCodec.Sign(r.Record, r.Key))]);
            var months = MonthsPerIndicator(size - setup.Count);
            var written = setup.Count;
            for (var indicator = 1; written < size; indicator++)
            {
                for (var month = 0; month < months && written < size; month += 20)
                {
                    var records = new List<MeasurementRecord>();
                    for (var m = month; m < Math.Min(months, month + 20); m++)
                    {
                        for (var p = 0; p < Ports && written + records.Count < size; p++)
                        {
                            records.Add(Measurement(indicator, m, p));
                        }
                    }

                    var entries = new byte[records.Count][];
                    Parallel.For(0, records.Count, i => entries[i] = EntryCodec.Sign(records[i], us));
                    await SubmitAsync(ledger, entries);
                    written += records.Count;
                }

                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {size}: {written} entries"));
            }
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "built"), "");
        return folder;
    }

    /// <summary>Indicators of 200 ports × at most 1,000 months (from 1900) that hold <paramref name="measurements"/> values.</summary>
    static int Indicators(int measurements) => Math.Max(1, (int)Math.Ceiling(measurements / (Ports * 1000.0)));

    /// <summary>Months per indicator, so that the indicators hold every value.</summary>
    static int MonthsPerIndicator(int measurements) => (int)Math.Ceiling(measurements / (double)(Ports * Indicators(measurements)));

    static MeasurementRecord Measurement(int indicator, int month, int port) => new()
    {
        Author = Us,
        RecordedAt = At,
        Indicator = new IndicatorId($"seizures-{indicator}"),
        Period = Period.Month(1900 + (month / 12), 1 + (month % 12)),
        Dimensions = new Dictionary<string, string> { ["port"] = PortNames[port] },
        Value = ((month * 31) + port) % 997,
        Source = new MeasurementSource("port seizure statistics", "https://example.org/seizures"),
    };

    /// <summary>A measurement of the measured indicator for a month the ledger does not hold yet (the month after its last).</summary>
    public static string NextPeriod(int size, int run) =>
        Period.Month(1900 + ((MonthsPerIndicator(size) + 1 + run) / 12), 1 + ((MonthsPerIndicator(size) + 1 + run) % 12)).ToString();

    static async Task SubmitAsync(LedgerFolder ledger, IReadOnlyList<byte[]> entries)
    {
        var results = await ledger.Session.SubmitAsync(entries, CancellationToken.None);
        if (results.FirstOrDefault(r => r.Status == SubmitStatus.Rejected) is { } refused)
        {
            throw new InvalidOperationException("the growth ledger refused an entry: " + string.Join("; ", refused.Errors));
        }
    }

    static IEnumerable<(LedgerRecord Record, SigningKey Key)> Setup(SigningKey operatorKey, SigningKey us, int size)
    {
        foreach (var (record, author) in BenchmarkAgreement.Records(
            At, new("growth"), new DateOnly(1900, 1, 1), Convert.ToBase64String(operatorKey.PublicKey), (Us, "United States", Convert.ToBase64String(us.PublicKey))))
        {
            yield return (record, author == Operator ? operatorKey : us);
        }

        var indicators = Indicators(size);
        foreach (var id in Enumerable.Range(1, indicators).Select(i => $"seizures-{i}").Concat(Enumerable.Range(1, ImportTargets).Select(i => $"imported-{i}")))
        {
            yield return (new IndicatorRecord
            {
                Author = Us,
                RecordedAt = At,
                Id = new IndicatorId(id),
                Commitment = new("commitment"),
                Name = "Seizures by port",
                Unit = "events",
                MeasureType = MeasureType.Count,
                Direction = Direction.Up,
                PeriodType = PeriodType.Month,
                Aggregation = Aggregation.Sum,
                Reporter = Us,
                Dimensions = new Dictionary<string, IReadOnlyList<string>> { ["port"] = PortNames },
                DataSource = "port statistics",
            }, us);
        }
    }

    /// <summary>A CSV of <paramref name="rows"/> values (50 ports × months), as `outcomes import csv` reads it with --map period=Month,value=Value,port=Port.</summary>
    public static string ImportFile(string folder, int rows)
    {
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"import-{rows}.csv"));
        if (!File.Exists(path))
        {
            using var writer = new StreamWriter(path);
            writer.WriteLine("Month,Port,Value");
            for (var i = 0; i < rows; i++)
            {
                var month = i / 50;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{1990 + (month / 12)}-{1 + (month % 12):D2},{PortNames[i % 50]},{i % 991}"));
            }
        }

        return path;
    }
}
