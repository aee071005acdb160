using BenchmarkDotNet.Running;
using OutcomeLedger.Benchmarks.Ingest;
using OutcomeLedger.Benchmarks.Scorecards;

namespace OutcomeLedger.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>ingest …</c> is a sustained-throughput run with its own timing and <c>treehash &lt;n&gt; [batch|single|platform]</c> times the tree hash
    /// of n leaves for benchmarks/interop/treehash.sh (see docs/benchmarks.md); <c>proofrate</c> counts
    /// inclusion-proof verifications per CPU-second; <c>scorecard-stages [rounds]</c> times the scorecard pipeline's stages in CPU and wall time; <c>growth</c> times CLI commands on ledgers of 10k, 100k and 1M entries; <c>attest-period [rounds]</c> times 1,000 values attested by period against a same-run baseline; <c>pack --cli PATH</c> times the demo's pack against the HTML scorecard of the same ledger; anything else goes to BenchmarkDotNet.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["treehash", var count, ..] && args.Length <= 3)
        {
            return TreeHashRun.Run(count, args.Length == 3 ? args[2] : "batch", Console.Out, Console.Error);
        }

        if (args is ["proofrate"])
        {
            return ProofRateRun.Run(Console.Out);
        }

        if (args.Length > 0 && args[0] == "scorecard-stages")
        {
            return ScorecardStageRun.Run(args[1..], Console.Out);
        }

        if (args.Length > 0 && args[0] == "ingest-stages")
        {
            return await IngestStages.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "growth")
        {
            return await Growth.GrowthRun.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "attest-period")
        {
            return await Attest.AttestPeriodRun.RunAsync(args[1..], Console.Out);
        }

        if (args.Length > 0 && args[0] == "scorecard-cli")
        {
            return await Scorecards.ScorecardCliRun.RunAsync(args[1..], Console.Out);
        }

        if (args.Length > 0 && args[0] == "pack")
        {
            return await Pack.PackRun.RunAsync(args[1..], Console.Out);
        }

        if (args.Length > 0 && args[0] == "ingest")
        {
            return await IngestBenchmark.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new ShortRunConfig());
        return 0;
    }
}
