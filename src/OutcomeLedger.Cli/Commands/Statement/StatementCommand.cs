using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Statement;

/// <summary><c>outcomes statement</c>: what was said, with its source and short verbatim quotes.</summary>
internal static class StatementCommand
{
    public static Command Create() => new("statement", "Record and list statements (the rhetoric commitments are drawn from)") { AddCommand.Create(), ListCommand.Create() };
}
