using BenchmarkDotNet.Running;

namespace OutcomeLedger.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>treehash &lt;n&gt;</c> times the tree hash of n leaves for benchmarks/interop/treehash.sh; anything else goes to
    /// BenchmarkDotNet (e.g. <c>--filter '*'</c>).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args is ["treehash", var count])
        {
            return TreeHashRun.Run(count, Console.Out, Console.Error);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new ShortRunConfig());
        return 0;
    }
}
