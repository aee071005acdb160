using System.CommandLine;
using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Cli;

/// <summary><c>--chart-window assessment|full</c>: the dates the charts span (<see cref="ChartWindow"/>), for the scorecard and the pack.</summary>
internal static class ChartWindowOption
{
    /// <summary>A new option (each command holds its own); unset is the assessment window.</summary>
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--chart-window")
        {
            Description = "The dates the charts span: assessment (from the first baseline period to the last period assessed, the default) or full (every value in the log)",
            HelpName = "assessment|full",
        };
        option.AcceptOnlyFromAmong("assessment", "full");
        return option;
    }

    /// <summary>The window asked for: the assessment window when the option is not given.</summary>
    public static ChartWindow Of(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) == "full" ? ChartWindow.Full : ChartWindow.Assessment;

    /// <summary>Whether the option was given on the command line (rather than left to its default).</summary>
    public static bool Given(ParseResult parse, Option<string?> option) => parse.GetValue(option) is not null;
}
