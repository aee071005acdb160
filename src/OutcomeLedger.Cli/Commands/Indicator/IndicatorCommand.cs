using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Indicator;

/// <summary><c>outcomes indicator</c>: the measurable quantities commitments are judged by.</summary>
internal static class IndicatorCommand
{
    public static Command Create() => new("indicator", "Define, list and show indicators") { AddCommand.Create(), ListCommand.Create(), ShowCommand.Create() };
}
