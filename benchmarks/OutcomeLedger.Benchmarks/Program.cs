using BenchmarkDotNet.Running;
using OutcomeLedger.Benchmarks.Ingest;

namespace OutcomeLedger.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>ingest …</c> is a sustained-throughput run with its own timing and <c>treehash &lt;n&gt;</c> times the tree hash
    /// of n leaves for benchmarks/interop/treehash.sh (see docs/benchmarks.md); anything else goes to BenchmarkDotNet.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["treehash", var count])
        {
            return TreeHashRun.Run(count, Console.Out, Console.Error);
        }

        if (args.Length > 0 && args[0] == "ingest-stages")
        {
            return await IngestStages.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "ingest")
        {
            return await IngestBenchmark.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new ShortRunConfig());
        return 0;
    }
}
