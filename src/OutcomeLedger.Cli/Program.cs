using System.CommandLine;
using OutcomeLedger.Cli.Commands.Stats;

namespace OutcomeLedger.Cli;

public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    /// <summary>The whole command tree; one line per noun, each noun in its own folder under Commands/.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("outcomes: commitments judged by results, on a tamper-evident transparency log");
        root.Subcommands.Add(StatsCommand.Create());
        return root;
    }
}
