using System.Diagnostics;
using System.Globalization;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Benchmarks.Ingest;

/// <summary>
/// Sustained end-to-end ingest of signed measurements: producers sign each record (canonical JSON, DSSE, Ed25519) and
/// submit it to the batching sequencer, which verifies, checks the rules, sequences, commits leaves, tiles, projection
/// and a signed checkpoint in one transaction, and only then acknowledges. Reports records per second and the time
/// from submission to acknowledgement (the batch's signed checkpoint committed), against a baseline measured in the
/// same run: raw Ed25519 sign + verify of the same entries.
/// <code>ingest [--engine sqlite|postgres] [--postgres CONNECTION] [--records N] [--producers P] [--window W] [--max-batch B] [--max-age-ms A]</code>
/// </summary>
public static class IngestBenchmark
{
    const string Origin = "bench.example/log";
    static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    internal static readonly PartyId Operator = new("operator");
    static readonly PartyId Us = new("us");
    static readonly IndicatorId Indicator = new("seizures-by-port");
    static readonly string[] Ports = [.. Enumerable.Range(1, 200).Select(i => $"port-{i:D3}")];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args);
        var engine = options.GetValueOrDefault("engine", "sqlite");
        var records = int.Parse(options.GetValueOrDefault("records", "200000"), CultureInfo.InvariantCulture);
        var producers = int.Parse(options.GetValueOrDefault("producers", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var window = int.Parse(options.GetValueOrDefault("window", "4096"), CultureInfo.InvariantCulture);
        var maxBatch = int.Parse(options.GetValueOrDefault("max-batch", "4096"), CultureInfo.InvariantCulture);
        var maxAge = TimeSpan.FromMilliseconds(int.Parse(options.GetValueOrDefault("max-age-ms", "0"), CultureInfo.InvariantCulture));
        var postgres = engine == "postgres" ? options.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("OUTCOMES_BENCH_POSTGRES")
            ?? throw new ArgumentException("--postgres CONNECTION (or OUTCOMES_BENCH_POSTGRES) is needed for --engine postgres") : null;

        // The producers are CPU-bound loops on pool threads: without spare threads the sequencer's loop and the
        // acknowledgements would wait for the pool's slow thread injection, which measures the pool, not the ledger.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, producers + 8), completion);
        using var operatorKey = SigningKey.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray());
        using var usKey = SigningKey.FromSeed(Enumerable.Repeat((byte)2, 32).ToArray());
        var measurements = Enumerable.Range(0, records).Select(Measurement).ToList();

        // Baseline: raw Ed25519 over the same entries' DSSE pre-authentication encodings, one core and all cores.
        var sample = measurements.Take(Math.Min(records, 20_000)).Select(m => DsseEnvelope.PreAuthenticationEncoding(EntryCodec.PayloadType(m.Kind), EntryCodec.CanonicalPayload(m))).ToList();
        var (oneCoreBefore, cpuBefore) = SignVerifyRate(sample, usKey, parallel: false);
        var (allCoresBefore, _) = SignVerifyRate(sample, usKey, parallel: true);

        var folder = Directory.CreateTempSubdirectory("outcomes-bench-").FullName;
        try
        {
            await using var ledger = await LedgerFolder.CreateAsync(Path.Combine(folder, "ledger"), Origin, postgres, CancellationToken.None);
            // The records are dated At, and the log refuses an entry more than 10 minutes from its clock (issue 12): log them then.
            ledger.Clock = new FixedClock(At);
            using var sequencer = await ledger.OpenSequencerAsync(CancellationToken.None);
            var setup = await sequencer.SubmitAsync([.. Setup().Select(r => EntryCodec.Sign(r.Record, r.Author == Operator ? operatorKey : usKey))], CancellationToken.None);
            if (setup.Any(r => !r.IsLogged))
            {
                throw new InvalidOperationException("setup refused: " + string.Join("; ", setup.SelectMany(r => r.Errors)));
            }

            var latencies = new double[records];
            var batches = 0L;
            var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedAtStart = GC.GetTotalAllocatedBytes();
            var pauseAtStart = GC.GetTotalPauseDuration();
            var collectionsAtStart = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            var writtenAtStart = WrittenBytes();
            var stealAtStart = StolenSeconds();
            var stopwatch = Stopwatch.StartNew();
            await using (var front = new BatchingSequencer(sequencer, maxBatch, maxAge: maxAge))
            {
                var tasks = Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
                {
                    using var inFlight = new SemaphoreSlim(window);
                    var pending = new List<Task>();
                    for (var i = p; i < records; i += producers)
                    {
                        var leaf = EntryCodec.Sign(measurements[i], usKey);
                        await inFlight.WaitAsync();
                        var index = i;
                        var submitted = Stopwatch.GetTimestamp();
                        pending.Add(front.SubmitAsync(leaf, CancellationToken.None).ContinueWith(t =>
                        {
                            latencies[index] = Stopwatch.GetElapsedTime(submitted).TotalMilliseconds;
                            inFlight.Release();
                            if (t.Result.Status != SubmitStatus.Accepted)
                            {
                                throw new InvalidOperationException($"record {index} was {t.Result.Status}: {string.Join("; ", t.Result.Errors)}");
                            }
                        }, TaskScheduler.Default));
                    }

                    await Task.WhenAll(pending);
                })).ToList();
                await Task.WhenAll(tasks);
            }

            stopwatch.Stop();
            var ingestCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalMicroseconds / records;
            var allocated = (GC.GetTotalAllocatedBytes() - allocatedAtStart) / (double)records;
            var pause = (GC.GetTotalPauseDuration() - pauseAtStart).TotalMicroseconds / records;
            var collections = string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsAtStart[g]));
            var written = (WrittenBytes() - writtenAtStart) / (double)records;
            var heap = GC.GetGCMemoryInfo().HeapSizeBytes / (double)(records + setup.Count);
            var stolen = StolenSeconds() - stealAtStart;

            // The machine is shared: the baseline is measured again after the run, and the mean of both is the reference.
            var (oneCoreAfter, cpuAfter) = SignVerifyRate(sample, usKey, parallel: false);
            var (allCoresAfter, _) = SignVerifyRate(sample, usKey, parallel: true);
            var oneCore = (oneCoreBefore + oneCoreAfter) / 2;
            var allCores = (allCoresBefore + allCoresAfter) / 2;
            var signVerifyCpu = (cpuBefore + cpuAfter) / 2;
            var checkpoints = await ledger.Store.GetCheckpointsAsync(CancellationToken.None);
            batches = checkpoints.Count - 1;
            var size = checkpoints[^1].Size;
            if (size != (ulong)(records + setup.Count))
            {
                throw new InvalidOperationException($"the log holds {size} entries, not {records + setup.Count}");
            }

            Array.Sort(latencies);
            var rate = records / stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                | engine | records | producers × window, max age | batches | records/s | p50 ms | p99 ms | max ms | sign+verify/s, 1 core (before/after) | all {Environment.ProcessorCount} cores | ingest ÷ 1-core sign+verify | CPU µs/record | CPU µs/sign+verify | CPU ratio |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                | {engine} | {records} | {producers} × {window}, {maxAge.TotalMilliseconds:F0} ms | {batches} | {rate:F0} | {Percentile(latencies, 0.50):F0} | {Percentile(latencies, 0.99):F0} | {latencies[^1]:F0} | {oneCore:F0} ({oneCoreBefore:F0}/{oneCoreAfter:F0}) | {allCores:F0} | {rate / oneCore:F2} | {ingestCpu:F0} | {signVerifyCpu:F0} | {ingestCpu / signVerifyCpu:F2} |

                During the ingest, per record: {allocated:F0} bytes allocated, {pause:F1} µs of GC pause, {written:F0} bytes written to files by this process (/proc/self/io); collections gen0/1/2: {collections}; heap after the last collection {heap:F0} bytes per logged entry. CPU time the hypervisor gave to others (steal, all cores): {stolen:F2} s of {stopwatch.Elapsed.TotalSeconds:F1} s.
                """));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Sign + verify of each message: per second of wall time, and CPU µs per message.</summary>
    static (double Rate, double CpuMicroseconds) SignVerifyRate(List<byte[]> messages, SigningKey key, bool parallel)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        if (parallel)
        {
            Parallel.ForEach(messages, m => Verify(key, m));
        }
        else
        {
            messages.ForEach(m => Verify(key, m));
        }

        return (messages.Count / stopwatch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / messages.Count);
    }

    static void Verify(SigningKey key, byte[] message)
    {
        var signature = key.Sign(message);
        if (!NSec.Cryptography.SignatureAlgorithm.Ed25519.Verify(
            NSec.Cryptography.PublicKey.Import(NSec.Cryptography.SignatureAlgorithm.Ed25519, key.PublicKey, NSec.Cryptography.KeyBlobFormat.RawPublicKey), message, signature))
        {
            throw new InvalidOperationException("a signature did not verify");
        }
    }

    // The "steal" column of /proc/stat's cpu line, in seconds (USER_HZ is 100 on Linux); 0 where /proc is absent.
    static double StolenSeconds() =>
        File.Exists("/proc/stat")
            ? File.ReadLines("/proc/stat").Where(l => l.StartsWith("cpu ", StringComparison.Ordinal))
                .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[8], CultureInfo.InvariantCulture) / 100.0).FirstOrDefault()
            : 0;

    // write_bytes: what this process caused to be sent to the storage layer (Linux); 0 where /proc is absent.
    static long WrittenBytes() =>
        File.Exists("/proc/self/io")
            ? File.ReadLines("/proc/self/io").Where(l => l.StartsWith("write_bytes:", StringComparison.Ordinal)).Select(l => long.Parse(l["write_bytes:".Length..], CultureInfo.InvariantCulture)).FirstOrDefault()
            : 0;

    static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];

    // 3,612 months × 200 ports: every record a value for a new (period, port) series.
    internal static MeasurementRecord Measurement(int i) => new()
    {
        Author = Us,
        RecordedAt = At,
        Indicator = Indicator,
        Period = Period.Month(1900 + (i / Ports.Length / 12), 1 + (i / Ports.Length % 12)),
        Dimensions = new Dictionary<string, string> { ["port"] = Ports[i % Ports.Length] },
        Value = i % 9973,
        Source = new MeasurementSource("port seizure statistics", "https://example.org/seizures"),
    };

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    internal static IEnumerable<(LedgerRecord Record, PartyId Author)> Setup()
    {
        using var operatorKey = SigningKey.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray());
        using var usKey = SigningKey.FromSeed(Enumerable.Repeat((byte)2, 32).ToArray());
        var operatorPublic = Convert.ToBase64String(operatorKey.PublicKey);
        var usPublic = Convert.ToBase64String(usKey.PublicKey);
        foreach (var setup in BenchmarkAgreement.Records(At, new("bench"), new DateOnly(2026, 1, 1), operatorPublic, (Us, "United States", usPublic)))
        {
            yield return setup;
        }

        yield return (new IndicatorRecord
        {
            Author = Us,
            RecordedAt = At,
            Id = Indicator,
            Commitment = new("commitment"),
            Name = "Seizures by port",
            Unit = "events",
            MeasureType = MeasureType.Count,
            Direction = Direction.Up,
            PeriodType = PeriodType.Month,
            Aggregation = Aggregation.Sum,
            Reporter = Us,
            Dimensions = new Dictionary<string, IReadOnlyList<string>> { ["port"] = Ports },
            DataSource = "port statistics",
        }, Us);
    }

    static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }
}
