using System.CommandLine;
using System.Globalization;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Series;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli.Commands.Stats;

/// <summary>
/// <c>outcomes stats &lt;csv&gt;</c>: the evaluation statistics of one monthly series, for people or (--json)
/// for scripts. Exit codes: 0 done (an analysis may still say "insufficient data"), 1 the file's content
/// is invalid or too large, 2 usage (bad option, no such file), 3 environment (the file cannot be read).
/// </summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var csv = new Argument<string>("csv") { Description = "CSV file of date,value rows (header optional; dates YYYY-MM or YYYY-MM-DD)" };
        var seasonal = new Option<bool>("--seasonal") { Description = "The series has a yearly season: add the seasonal Mann-Kendall test, seasonal Sen's slope and month effects" };
        var intervention = new Option<string?>("--intervention") { Description = "First month counted as after the commitment (YYYY-MM); adds the interrupted time series", HelpName = "YYYY-MM" };
        var target = new Option<string?>("--target") { Description = "Target value to reach by --due; adds the target path", HelpName = "value" };
        var due = new Option<string?>("--due") { Description = "Month by whose end the target is due (YYYY-MM)", HelpName = "YYYY-MM" };
        var command = new Command("stats", "Trend, interrupted time series, relative change and target path of a monthly series")
        {
            csv, seasonal, intervention, target, due,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(csv),
            parse.GetValue(seasonal),
            parse.GetValue(intervention),
            parse.GetValue(target),
            parse.GetValue(due),
            parse.GetValue(CommonOptions.Lang) ?? "en",
            parse.GetValue(CommonOptions.Json),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    static int Run(string path, bool seasonal, string? interventionText, string? targetText, string? dueText, string lang, bool json, TextWriter output, TextWriter error)
    {
        if (lang is not ("en" or "es") || !TextCatalogue.TryParseLanguage(lang, out var language))
        {
            return Fail(error, ExitCodes.Usage, $"--lang: '{lang}' is not en or es");
        }

        Period? intervention = null;
        if (interventionText is not null)
        {
            if (!Period.TryParseMonth(interventionText, out var month))
            {
                return Fail(error, ExitCodes.Usage, $"--intervention: '{interventionText}' is not a month (YYYY-MM)");
            }

            intervention = month;
        }

        if ((targetText is null) != (dueText is null))
        {
            return Fail(error, ExitCodes.Usage, "--target and --due go together: give both or neither");
        }

        double? target = null;
        Period? due = null;
        if (targetText is not null && dueText is not null)
        {
            if (!double.TryParse(targetText, NumberStyles.Float, CultureInfo.InvariantCulture, out var targetValue) || !double.IsFinite(targetValue))
            {
                return Fail(error, ExitCodes.Usage, $"--target: '{targetText}' is not a finite number");
            }

            if (!Period.TryParseMonth(dueText, out var dueMonth))
            {
                return Fail(error, ExitCodes.Usage, $"--due: '{dueText}' is not a month (YYYY-MM)");
            }

            target = targetValue;
            due = dueMonth;
        }

        if (!File.Exists(path))
        {
            return Fail(error, ExitCodes.Usage, $"{path}: no such file");
        }

        ImportResult<MonthlyObservation> read;
        try
        {
            using var content = File.OpenRead(path);
            read = MonthlySeriesImporter.Import(content, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, ExitCodes.Environment, $"{path}: cannot be read ({e.GetType().Name})");
        }

        if (!read.Succeeded)
        {
            foreach (var problem in read.Errors)
            {
                error.WriteLine(problem.ToString());
            }

            return ExitCodes.CheckFailed;
        }

        var series = MonthlySeries.Create(read.Items);
        var report = StatsReport.Compute(path, series, seasonal, intervention, target, due);
        if (json)
        {
            output.WriteLine(StatsJson.Write(report));
        }
        else
        {
            StatsText.Write(report, output, TextCatalogue.For(language));
        }

        return ExitCodes.Ok;
    }

    static int Fail(TextWriter error, int exitCode, string message)
    {
        error.WriteLine($"outcomes stats: {message}");
        return exitCode;
    }
}
