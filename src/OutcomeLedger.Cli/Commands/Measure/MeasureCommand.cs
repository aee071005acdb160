using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Measure;

/// <summary><c>outcomes measure</c>: single values of an indicator, entered by hand (files go through <c>outcomes import</c>).</summary>
internal static class MeasureCommand
{
    public static Command Create() => new("measure", "Record and list measurements, and show a value's revisions") { AddCommand.Create(), ListCommand.Create(), HistoryCommand.Create() };
}
