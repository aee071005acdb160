using System.CommandLine;

namespace OutcomeLedger.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("outcomes: commitments judged by results, on a tamper-evident transparency log");
        return root.Parse(args).Invoke();
    }
}
