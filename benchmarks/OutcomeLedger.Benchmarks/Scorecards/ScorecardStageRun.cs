using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Benchmarks.Scorecards;

/// <summary>
/// <c>scorecard-stages [rounds]</c>: the pipeline of <c>outcomes scorecard --format html</c> on the scorecard workload,
/// each stage timed by wall clock and by the process's CPU time (all threads, GC included), so a loaded machine still
/// says what the work costs. Prints the SHA-256 of the JSON and HTML bytes, which must not change between runs.
/// </summary>
public static class ScorecardStageRun
{
    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var state = ScorecardWorkload.Build();
        var checkpoint = ScorecardWorkload.Checkpoint(state);
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var gcBefore = GC.CollectionCount(0);
            var (evaluateWall, evaluateCpu, scorecard) = Time(process, () => Evaluator.Evaluate(state, checkpoint, ScorecardWorkload.Agreement));
            var (jsonWall, jsonCpu, json) = Time(process, () => ScorecardJson.Serialize(scorecard));
            var (htmlWall, htmlCpu, html) = Time(process, () => HtmlScorecard.Render(scorecard, ScorecardLanguage.English));
            var gcs = GC.CollectionCount(0) - gcBefore;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}: evaluate {evaluateWall:F0} ms wall / {evaluateCpu:F0} ms cpu; json {jsonWall:F0} / {jsonCpu:F0}; html {htmlWall:F0} / {htmlCpu:F0}; total {evaluateWall + jsonWall + htmlWall:F0} ms wall / {evaluateCpu + jsonCpu + htmlCpu:F0} ms cpu; scorecard --format html (evaluate + html) {evaluateWall + htmlWall:F0} ms wall; gen0 {gcs}"));
            if (round == rounds - 1)
            {
                output.WriteLine($"json sha256 {Convert.ToHexStringLower(SHA256.HashData(json))} ({json.Length} bytes)");
                output.WriteLine($"html sha256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)))} ({html.Length} chars)");
            }
        }

        return 0;
    }

    static (double Wall, double Cpu, T Result) Time<T>(Process process, Func<T> stage)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = stage();
        var wall = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds, result);
    }
}
