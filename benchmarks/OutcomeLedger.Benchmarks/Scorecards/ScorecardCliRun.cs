using System.Diagnostics;
using System.Globalization;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Benchmarks.Scorecards;

/// <summary>
/// <c>scorecard-cli --cli PATH [--runs N] [--cache DIR]</c>: the issue's scorecard workload (100 commitments × 10
/// indicators × 120 monthly values, each acknowledged by the other party) logged as a real signed ledger, then the real
/// <c>outcomes scorecard</c> program run as a user runs it, a fresh process each time: the HTML scorecard, the JSON
/// scorecard (the same reading, proof and evaluation without the page) and <c>outcomes --help</c> (the program's
/// start-up, no ledger) as baselines in the same run, alternated run by run. Wall time and peak memory from GNU time.
/// The ledger is built once under DIR (default: a temporary folder) and reused.
/// </summary>
public static class ScorecardCliRun
{
    const string Origin = "scorecard.example/log";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var options = Growth.GrowthRun.Options(args);
        var cli = options.GetValueOrDefault("cli") ?? throw new ArgumentException("--cli PATH: the outcomes executable (published) or outcomes.dll");
        var runs = int.Parse(options.GetValueOrDefault("runs", "5"), CultureInfo.InvariantCulture);
        var cache = options.GetValueOrDefault("cache", Path.Combine(Path.GetTempPath(), "outcomes-scorecard-cli"));
        var clock = Stopwatch.StartNew();
        var folder = await EnsureAsync(cache, output);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Ledger: {folder} ({clock.Elapsed.TotalSeconds:F0} s to build or find)"));

        var html = Path.Combine(cache, "scorecard.html");
        var json = Path.Combine(cache, "scorecard.json");
        string[] Html(int run) => ["scorecard", "--format", "html", "--out", html, "--ledger", folder];
        string[] Json(int run) => ["scorecard", "--format", "json", "--out", json, "--ledger", folder];
        string[] Help(int run) => ["--help"];

        // Unmeasured: the first opening by this build may rebuild the projection; the page cache is warmed alike for all.
        Growth.GrowthRun.Measure(cli, 1, Json);
        var figures = new Dictionary<string, List<Growth.GrowthRun.Figures>> { ["help"] = [], ["json"] = [], ["html"] = [] };
        for (var run = 0; run < runs; run++)
        {
            figures["help"].Add(Growth.GrowthRun.Measure(cli, 1, Help));
            figures["json"].Add(Growth.GrowthRun.Measure(cli, 1, Json));
            figures["html"].Add(Growth.GrowthRun.Measure(cli, 1, Html));
        }

        var help = Median(figures["help"]);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{runs} runs each, alternated; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end"));
        await output.WriteLineAsync("| command | median wall ms | min | max | peak MB | ÷ --help |");
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, label) in new[] { ("help", "`outcomes --help`"), ("json", "`outcomes scorecard --format json`"), ("html", "`outcomes scorecard --format html`") })
        {
            var walls = figures[name].Select(f => f.Wall).Order().ToList();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {Median(figures[name]):F0} | {walls[0]:F0} | {walls[^1]:F0} | {figures[name].Max(f => f.PeakMb):F0} | {Median(figures[name]) / help:F2} |"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"HTML {new FileInfo(html).Length:N0} bytes, JSON {new FileInfo(json).Length:N0} bytes"));
        return 0;
    }

    static double Median(List<Growth.GrowthRun.Figures> figures)
    {
        var walls = figures.Select(f => f.Wall).Order().ToList();
        return walls[walls.Count / 2];
    }

    /// <summary>The workload's ledger under <paramref name="cache"/>, built (signed and logged in batches) if it is not there yet.</summary>
    static async Task<string> EnsureAsync(string cache, TextWriter log)
    {
        var folder = Path.Combine(cache, "ledger");
        if (File.Exists(Path.Combine(folder, "built")))
        {
            return folder;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(cache);
        var keys = new Dictionary<PartyId, SigningKey>
        {
            [new("operator")] = SigningKey.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray()),
            [new("us")] = SigningKey.FromSeed(Enumerable.Repeat((byte)2, 32).ToArray()),
            [new("mx")] = SigningKey.FromSeed(Enumerable.Repeat((byte)3, 32).ToArray()),
        };
        try
        {
            await using var ledger = await LedgerFolder.CreateAsync(folder, Origin, null, CancellationToken.None);
            var publicKeys = keys.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value.PublicKey));
            var now = TimeProvider.System.GetUtcNow();
            var at = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            var batch = new List<LedgerRecord>();
            var logged = 0;
            foreach (var record in ScorecardWorkload.Records(at, firstIndex: 0, publicKeys))
            {
                batch.Add(record);
                if (batch.Count == 4096)
                {
                    logged += await SubmitAsync(ledger, batch, keys);
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {logged} entries"));
                }
            }

            await SubmitAsync(ledger, batch, keys);
        }
        finally
        {
            foreach (var key in keys.Values)
            {
                key.Dispose();
            }
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "built"), "");
        return folder;
    }

    static async Task<int> SubmitAsync(LedgerFolder ledger, List<LedgerRecord> batch, Dictionary<PartyId, SigningKey> keys)
    {
        var entries = new byte[batch.Count][];
        Parallel.For(0, batch.Count, i => entries[i] = EntryCodec.Sign(batch[i], keys[batch[i].Author]));
        var results = await ledger.Session.SubmitAsync(entries, CancellationToken.None);
        if (results.FirstOrDefault(r => r.Status == SubmitStatus.Rejected) is { } refused)
        {
            throw new InvalidOperationException("the scorecard ledger refused an entry: " + string.Join("; ", refused.Errors));
        }

        var count = batch.Count;
        batch.Clear();
        return count;
    }
}
