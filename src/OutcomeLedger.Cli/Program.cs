using System.CommandLine;
using OutcomeLedger.Cli.Commands.Accept;
using OutcomeLedger.Cli.Commands.Agreement;
using OutcomeLedger.Cli.Commands.Attest;
using OutcomeLedger.Cli.Commands.Commitment;
using OutcomeLedger.Cli.Commands.Demo;
using OutcomeLedger.Cli.Commands.Evaluate;
using OutcomeLedger.Cli.Commands.Import;
using OutcomeLedger.Cli.Commands.Indicator;
using OutcomeLedger.Cli.Commands.Init;
using OutcomeLedger.Cli.Commands.Key;
using OutcomeLedger.Cli.Commands.Ledger;
using OutcomeLedger.Cli.Commands.Log;
using OutcomeLedger.Cli.Commands.Measure;
using OutcomeLedger.Cli.Commands.Object;
using OutcomeLedger.Cli.Commands.Party;
using OutcomeLedger.Cli.Commands.Policy;
using OutcomeLedger.Cli.Commands.Scorecard;
using OutcomeLedger.Cli.Commands.Serve;
using OutcomeLedger.Cli.Commands.Statement;
using OutcomeLedger.Cli.Commands.Stats;
using OutcomeLedger.Cli.Commands.Token;
using OutcomeLedger.Cli.Commands.Witness;

namespace OutcomeLedger.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, new InvocationConfiguration());

    /// <summary>Parses and runs; a command line that does not parse is a usage error (exit 2) with the parser's message.</summary>
    internal static int Run(string[] args, InvocationConfiguration configuration)
    {
        var parse = BuildRoot().Parse(args);
        // --help wins over missing arguments: its action is the help option's, not the command's.
        var isHelp = parse.Action is not null && parse.RootCommandResult.Command.Options.OfType<System.CommandLine.Help.HelpOption>().Any(h => h.Action == parse.Action);
        if (parse.Errors.Count > 0 && !isHelp)
        {
            foreach (var error in parse.Errors)
            {
                configuration.Error.WriteLine("error: " + error.Message);
            }

            configuration.Error.WriteLine("Run 'outcomes --help' or add --help to a command for its usage.");
            return ExitCodes.Usage;
        }

        return parse.Invoke(configuration);
    }

    /// <summary>The whole command tree; one line per noun, each noun in its own folder under Commands/.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("outcomes: commitments judged by results, on a tamper-evident transparency log");
        root.Options.Add(CommonOptions.Ledger);
        root.Options.Add(CommonOptions.Json);
        root.Options.Add(CommonOptions.Lang);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(KeyCommand.Create());
        root.Subcommands.Add(PartyCommand.Create());
        root.Subcommands.Add(AgreementCommand.Create());
        root.Subcommands.Add(PolicyCommand.Create());
        root.Subcommands.Add(StatementCommand.Create());
        root.Subcommands.Add(CommitmentCommand.Create());
        root.Subcommands.Add(IndicatorCommand.Create());
        root.Subcommands.Add(MeasureCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(AttestCommand.Create());
        root.Subcommands.Add(SourceCheckCommand.Create());
        root.Subcommands.Add(Commands.Review.ReviewCommand.Create());
        root.Subcommands.Add(AcceptCommand.Create());
        root.Subcommands.Add(ObjectCommand.Create());
        root.Subcommands.Add(LogCommand.Create());
        root.Subcommands.Add(LedgerCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(ScorecardCommand.Create());
        root.Subcommands.Add(Commands.Pack.PackCommand.Create());
        root.Subcommands.Add(Commands.Diff.DiffCommand.Create());
        root.Subcommands.Add(Commands.Export.ExportCommand.Create());
        root.Subcommands.Add(Commands.Verify.VerifyCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(WitnessCommand.Create());
        root.Subcommands.Add(Commands.Monitor.MonitorCommand.Create());
        root.Subcommands.Add(Commands.Help.HelpCommand.Create());
        root.Subcommands.Add(Commands.Completion.CompletionCommand.Create());
        root.Subcommands.Add(Commands.Completion.CompleteCommand.Create());
        Examples.Install(root);
        return root;
    }
}
