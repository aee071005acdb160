using BenchmarkDotNet.Running;
using OutcomeLedger.Benchmarks.Ingest;

namespace OutcomeLedger.Benchmarks;

public static class Program
{
    // "ingest" is a sustained-throughput run with its own timing (see docs/benchmarks.md); anything else goes to BenchmarkDotNet.
    public static async Task<int> Main(string[] args) =>
        args.Length > 0 && args[0] == "ingest"
            ? await IngestBenchmark.RunAsync(args[1..])
            : RunBenchmarkDotNet(args);

    static int RunBenchmarkDotNet(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
