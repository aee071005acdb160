using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace OutcomeLedger.Cli;

/// <summary>Examples printed after a command's own --help (and kept out of the parent's command list).</summary>
internal static class Examples
{
    static readonly ConditionalWeakTable<Command, string[]> ByCommand = [];

    public static T Add<T>(T command, params string[] lines)
        where T : Command
    {
        ByCommand.AddOrUpdate(command, lines);
        return command;
    }

    /// <summary>Wraps the root's help action so a command's examples follow its usage.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction inner)
        {
            help.Action = new WithExamples(inner);
        }
    }

    sealed class WithExamples(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var result = inner.Invoke(parseResult);
            if (ByCommand.TryGetValue(parseResult.CommandResult.Command, out var lines))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var line in lines)
                {
                    output.WriteLine("  " + line);
                }

                output.WriteLine();
            }

            return result;
        }
    }
}
