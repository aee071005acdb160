using System.Diagnostics;
using System.Globalization;

namespace OutcomeLedger.Benchmarks.Pack;

/// <summary>
/// The ministerial pack's ≤ 3 s target (issue 14): the real <c>outcomes</c> program builds the demo's pack, as a user
/// runs it, against a baseline in the same run: the HTML scorecard of the same ledger and checkpoint (the same replay
/// and evaluation, without the PDF). The two commands alternate, run for run, so a change of load on a shared host
/// weighs on both; the figure that travels between hosts is the ratio of their medians.
/// <code>pack --cli PATH [--runs N] [--ledger DIR]</code>
/// PATH is the <c>outcomes</c> executable, or an <c>outcomes.dll</c> to run with <c>dotnet</c> (build it in Release).
/// DIR is a demo ledger (default: one made by <c>outcomes demo</c> in a temporary folder, unmeasured).
/// </summary>
public static class PackRun
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        var cli = options.GetValueOrDefault("cli") ?? throw new ArgumentException("--cli PATH: the outcomes executable or outcomes.dll (Release)");
        var runs = int.Parse(options.GetValueOrDefault("runs", "7"), CultureInfo.InvariantCulture);
        var work = Path.Combine(Path.GetTempPath(), "outcomes-pack-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(work);
        try
        {
            var ledger = options.GetValueOrDefault("ledger") ?? Path.Combine(work, "demo");
            if (!options.ContainsKey("ledger"))
            {
                Time(cli, ["demo", "--out", ledger]);
            }

            // Unmeasured: the first run of each pays for the disk cache and the runtime's first start.
            string[] scorecard = ["scorecard", "--format", "html", "--out", Path.Combine(work, "b.html"), "--ledger", ledger];
            string[] pack = ["pack", "--out", Path.Combine(work, "b.pdf"), "--ledger", ledger];
            string[] since = ["pack", "--out", Path.Combine(work, "c.pdf"), "--since", "24", "--ledger", ledger];
            Time(cli, scorecard);
            Time(cli, pack);
            var measured = new (string Name, string[] Args, List<double> Walls)[]
            {
                ("`outcomes scorecard --format html` (baseline)", scorecard, []),
                ("`outcomes pack`", pack, []),
                ("`outcomes pack --since 24`", since, []),
            };
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            for (var run = 0; run < runs; run++)
            {
                foreach (var command in measured)
                {
                    command.Walls.Add(Time(cli, command.Args));
                }
            }

            var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var pages = Pages(Path.Combine(work, "b.pdf"));
            var baseline = Median(measured[0].Walls);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{runs} runs each, alternating; load average {load} before, {loadAfter} after; the pack has {pages} pages."));
            await output.WriteLineAsync();
            await output.WriteLineAsync("| command | median s | min s | max s | ÷ baseline |");
            await output.WriteLineAsync("| --- | ---: | ---: | ---: | ---: |");
            foreach (var (name, _, walls) in measured)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {Median(walls):F2} | {walls.Min():F2} | {walls.Max():F2} | {Median(walls) / baseline:F2} |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // One run's wall time in seconds; a failed command stops the benchmark with its error.
    static double Time(string cli, string[] arguments)
    {
        var (program, prefix) = cli.EndsWith(".dll", StringComparison.Ordinal) ? ("dotnet", new[] { cli }) : (cli, Array.Empty<string>());
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`outcomes {string.Join(' ', arguments)}` failed ({process.ExitCode}): {stderr}{stdout.Result}");
        }

        return clock.Elapsed.TotalSeconds;
    }

    // The page count as poppler's pdfinfo reads it.
    static string Pages(string pdf)
    {
        var start = new ProcessStartInfo("pdfinfo") { RedirectStandardOutput = true };
        start.ArgumentList.Add(pdf);
        using var process = Process.Start(start)!;
        var info = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return info.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal))?["Pages:".Length..].Trim() ?? "?";
    }
}
