using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace OutcomeLedger.Benchmarks.Growth;

/// <summary>
/// What one command costs as the ledger grows (issue 11): the real <c>outcomes</c> program run as a user runs it,
/// against ledgers of 10,000, 100,000 and 1,000,000 entries, each command several times, with wall time and peak
/// memory (GNU time's maximum resident set). The baseline in the same run is the program's own floor: <c>outcomes
/// --help</c> (start-up, no ledger), and the same command on the smallest ledger.
/// <code>growth [--sizes 10000,100000,1000000] [--cache DIR] [--cli PATH] [--runs N]</code>
/// PATH is the published <c>outcomes</c> executable, or an <c>outcomes.dll</c> to run with <c>dotnet</c>.
/// </summary>
public static class GrowthRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args);
        var sizes = options.GetValueOrDefault("sizes", "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var cache = options.GetValueOrDefault("cache", Path.Combine(Path.GetTempPath(), "outcomes-growth"));
        var cli = options.GetValueOrDefault("cli") ?? throw new ArgumentException("--cli PATH: the outcomes executable (published) or outcomes.dll");
        var runs = int.Parse(options.GetValueOrDefault("runs", "5"), CultureInfo.InvariantCulture);
        var output = Console.Out;
        Directory.CreateDirectory(cache);

        await output.WriteLineAsync($"Building (or reusing) ledgers under {cache} …");
        var folders = new Dictionary<int, string>();
        foreach (var size in sizes)
        {
            var clock = Stopwatch.StartNew();
            folders[size] = await GrowthLedger.EnsureAsync(cache, size, Console.Error);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {size,9} entries: {folders[size]} ({clock.Elapsed.TotalSeconds:F0} s)"));
        }

        var floor = Measure(cli, runs, _ => ["--help"]);
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Baseline, same run: `outcomes --help` (start-up, no ledger): median {floor.Wall:F0} ms wall, {floor.PeakMb:F0} MB peak."));
        await output.WriteLineAsync();
        await output.WriteLineAsync("| command | entries | median wall ms | max wall ms | peak MB | ÷ --help | ÷ smallest ledger |");
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var smallest = new Dictionary<string, double>();
        foreach (var size in sizes)
        {
            // Every run writes (measure add, import): measured on a fresh copy, so the cached ledger stays as built and a
            // second run of the benchmark finds the same periods and import targets free.
            var folder = Pristine(folders[size], Path.Combine(cache, $"run-{size}"));
            var key = Path.Combine(folder, "keys", "us.key");

            // Unmeasured: a ledger whose projection an earlier build wrote under another schema rebuilds it once, here.
            Measure(cli, 1, _ => ["log", "checkpoint", "--ledger", folder]);
            var measured = GrowthLedger.Measured.Value;
            var period = "1900-06";
            var commands = new (string Name, Func<int, string[]> Args)[]
            {
                ("measure add", run => ["measure", "add", measured, "--period", GrowthLedger.NextPeriod(size, run + (runs * sizes.IndexOf(size))), "--value", "7", "--dim", "port=port-001", "--dataset", "growth", "--as", "us", "--key", key, "--ledger", folder]),
                ("party list", _ => ["party", "list", "--ledger", folder]),
                ("measure list --indicator X --period P", _ => ["measure", "list", "--indicator", measured, "--period", period, "--ledger", folder]),
                ("indicator show X", _ => ["indicator", "show", measured, "--ledger", folder]),
            };
            foreach (var (name, arguments) in commands)
            {
                var result = Measure(cli, runs, arguments);
                smallest.TryAdd(name, result.Wall);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| `{name}` | {size:N0} | {result.Wall:F0} | {result.MaxWall:F0} | {result.PeakMb:F0} | {result.Wall / floor.Wall:F2} | {result.Wall / smallest[name]:F2} |"));
            }

            var file = GrowthLedger.ImportFile(Path.GetDirectoryName(folder)!, 10_000);
            var runsOfImport = Math.Min(runs, GrowthLedger.ImportTargets / sizes.Count);
            var offset = sizes.IndexOf(size) * runsOfImport;
            var import = Measure(cli, runsOfImport, run =>
                ["import", "csv", file, "--indicator", GrowthLedger.ImportTarget(offset + run + 1).Value, "--map", "period=Month,value=Value,port=Port", "--dataset", "growth import", "--as", "us", "--key", key, "--ledger", folder]);
            smallest.TryAdd("import csv (10,000 values)", import.Wall);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| `import csv` (10,000 values) | {size:N0} | {import.Wall:F0} | {import.MaxWall:F0} | {import.PeakMb:F0} | {import.Wall / floor.Wall:F2} | {import.Wall / smallest["import csv (10,000 values)"]:F2} |"));

            var serve = await ServeAsync(cli, folder, runs);
            smallest.TryAdd("serve: first answer", serve.Wall);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| `serve`: start to first answer | {size:N0} | {serve.Wall:F0} | {serve.MaxWall:F0} | – | {serve.Wall / floor.Wall:F2} | {serve.Wall / smallest["serve: first answer"]:F2} |"));
        }

        return 0;
    }

    internal sealed record Figures(double Wall, double MaxWall, double PeakMb);

    static string Pristine(string source, string copy)
    {
        if (Directory.Exists(copy))
        {
            Directory.Delete(copy, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // The copy's dirty pages are written back now, not during the first measured command.
        using (var sync = System.Diagnostics.Process.Start("sync"))
        {
            sync.WaitForExit();
        }

        return copy;
    }

    // Runs the command `runs` times through GNU time; median and worst wall time, the largest peak RSS.
    internal static Figures Measure(string cli, int runs, Func<int, string[]> arguments)
    {
        var walls = new List<double>();
        var peak = 0.0;
        for (var run = 0; run < runs; run++)
        {
            var (program, prefix) = Command(cli);
            var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in (string[])["-f", "growth-time %e %M", program, .. prefix, .. arguments(run)])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            var clock = Stopwatch.StartNew();
            process.WaitForExit();
            clock.Stop();
            var line = stderr.Split('\n').LastOrDefault(l => l.StartsWith("growth-time ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("no timing from /usr/bin/time: " + stderr);
            var parts = line.Split(' ');
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"`{string.Join(' ', arguments(run))}` failed ({process.ExitCode}): {stderr}{stdout.Result}");
            }

            walls.Add(double.Parse(parts[1], CultureInfo.InvariantCulture) * 1000);
            peak = Math.Max(peak, double.Parse(parts[2], CultureInfo.InvariantCulture) / 1024);
        }

        walls.Sort();
        return new Figures(walls[walls.Count / 2], walls[^1], peak);
    }

    // Starts `outcomes serve`, asks for /checkpoint and /api/parties until both answer, then stops it.
    static async Task<Figures> ServeAsync(string cli, string folder, int runs)
    {
        var walls = new List<double>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var run = 0; run < runs; run++)
        {
            var port = FreePort();
            var (program, prefix) = Command(cli);
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in (string[])[.. prefix, "serve", "--ledger", folder, "--urls", $"http://127.0.0.1:{port}"])
            {
                start.ArgumentList.Add(argument);
            }

            var clock = Stopwatch.StartNew();
            using var process = System.Diagnostics.Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            try
            {
                while (true)
                {
                    if (process.HasExited)
                    {
                        throw new InvalidOperationException($"outcomes serve exited with {process.ExitCode}");
                    }

                    if (await AnswersAsync(http, $"http://127.0.0.1:{port}/checkpoint") && await AnswersAsync(http, $"http://127.0.0.1:{port}/api/parties"))
                    {
                        break;
                    }

                    await Task.Delay(10);
                }

                walls.Add(clock.Elapsed.TotalMilliseconds);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        walls.Sort();
        return new Figures(walls[walls.Count / 2], walls[^1], 0);
    }

    static async Task<bool> AnswersAsync(HttpClient http, string url)
    {
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    static (string Program, string[] Prefix) Command(string cli) =>
        cli.EndsWith(".dll", StringComparison.Ordinal) ? ("dotnet", [cli]) : (cli, []);

    internal static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }
}
