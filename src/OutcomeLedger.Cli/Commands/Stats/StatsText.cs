using System.Globalization;
using OutcomeLedger.Core.Evaluation.Statistics;

namespace OutcomeLedger.Cli.Commands.Stats;

/// <summary>Renders a <see cref="StatsReport"/> as aligned plain-text tables for people.</summary>
internal static class StatsText
{
    const double Alpha = 0.05;

    public static void Write(StatsReport report, TextWriter output)
    {
        var series = report.Series;
        var gaps = report.MissingMonths == 0 ? "no missing months" : F($"{report.MissingMonths} missing months");
        output.WriteLine(F($"{report.File}: {series.Count} monthly values, {series.First} to {series.Last}, {gaps}"));
        output.WriteLine();

        var trend = new List<string[]> { Header("trend over the whole series") };
        trend.Add(MannKendallRow("Mann-Kendall", report.MannKendall));
        trend.Add(SenRow("Sen's slope", report.SensSlope));
        if (report.SeasonalMannKendall is { } seasonal)
        {
            trend.Add(MannKendallRow("seasonal Mann-Kendall", seasonal));
        }

        if (report.SeasonalSensSlope is { } seasonalSlope)
        {
            trend.Add(SenRow("seasonal Sen's slope", seasonalSlope));
        }

        WriteTable(output, trend);

        if (report.InterruptedTimeSeries is { } its)
        {
            output.WriteLine();
            WriteInterruptedTimeSeries(output, report.Intervention!.Value, its);
        }

        output.WriteLine();
        output.WriteLine("relative change against the baseline");
        if (report.RelativeChange.TryGetValue(out var change))
        {
            output.WriteLine(F($"  baseline {report.BaselineFrom} to {report.BaselineTo}: mean {N(change.BaselineMean)} ({change.BaselineCount} values)"));
            output.WriteLine(F($"  latest   {report.ComparisonFrom} to {report.ComparisonTo}: mean {N(change.ComparisonMean)} ({change.ComparisonCount} values)"));
            output.WriteLine(F($"  change   {Signed(change.AbsoluteChange)} ({Signed(change.Percent)} %)"));
        }
        else
        {
            output.WriteLine(F($"  insufficient data: {report.RelativeChange.InsufficientReason}"));
        }

        if (report.Target is { } target)
        {
            output.WriteLine();
            output.WriteLine("target path");
            if (target.TryGetValue(out var position) && report.TargetPath is { } path)
            {
                output.WriteLine(F($"  from {N(path.BaselineValue)} on {path.BaselineDate:yyyy-MM-dd} to {N(path.TargetValue)} by {path.DueDate:yyyy-MM-dd}"));
                output.WriteLine(F($"  latest {series.Last}: {N(position.Value)}; the path expects {N(position.Expected)} (gap {Signed(position.Gap)})"));
                output.WriteLine(F($"  {Percent(position.FractionAchieved)} of the way achieved with {Percent(position.FractionOfTimeElapsed)} of the time elapsed: {(position.TargetReached ? "target reached" : position.OnOrAheadOfPath ? "on or ahead of the path" : "behind the path")}"));
            }
            else
            {
                output.WriteLine(F($"  insufficient data: {target.InsufficientReason}"));
            }
        }
    }

    static void WriteInterruptedTimeSeries(TextWriter output, YearMonth intervention, AnalysisResult<InterruptedTimeSeriesResult> result)
    {
        if (!result.TryGetValue(out var its))
        {
            output.WriteLine(F($"interrupted time series at {intervention}"));
            output.WriteLine(F($"  insufficient data: {result.InsufficientReason}"));
            return;
        }

        var distribution = its.Distribution == IntervalDistribution.StudentT ? F($"t with {its.ResidualDegreesOfFreedom} df") : "normal";
        var months = its.MonthEffectsIncluded ? "month effects" : "no month effects";
        output.WriteLine(F($"interrupted time series at {intervention} ({its.CountBefore} before, {its.CountAfter} after; OLS, {months}, Newey-West lag {its.HacLag}, {distribution})"));
        var rows = new List<string[]>
        {
            new[] { "estimate", "value", F($"{its.Confidence * 100:0.#}% interval"), "p", "reading" },
            EstimateRow("trend before, per month", its.PreTrend, null),
            EstimateRow("level change", its.LevelChange, null),
            EstimateRow("slope change, per month", its.SlopeChange, null),
            EstimateRow(F($"change at {its.LastMonth}"), its.ChangeAtLastPeriod, Against(its.ChangeAtLastPeriod)),
        };
        if (its.PercentChangeAtLastPeriod is { } percent)
        {
            rows.Add(EstimateRow("  as % of the projection", percent, null, " %"));
        }

        WriteTable(output, rows);
        output.WriteLine(F($"  projected no-commitment value at {its.LastMonth}: {N(its.CounterfactualAtLastPeriod)}"));
        if (its.CounterfactualAtLastPeriod <= 0)
        {
            output.WriteLine("  the projected trend reaches zero or below, so the percentage is not meaningful");
        }
    }

    static string Against(Estimate change) =>
        !change.ExcludesZero ? "not distinguishable from the projected trend"
        : change.Value < 0 ? "below the projected no-commitment trend"
        : "above the projected no-commitment trend";

    static string[] Header(string title) => [title, "estimate", "95% interval", "p", "reading"];

    static string[] MannKendallRow(string label, AnalysisResult<MannKendallResult> result)
    {
        if (!result.TryGetValue(out var mk))
        {
            return [label, "insufficient data: " + result.InsufficientReason, "", "", ""];
        }

        var reading = !mk.IsSignificant(Alpha) ? "no trend distinguishable from noise"
            : mk.S > 0 ? "rising, distinguishable from noise"
            : "falling, distinguishable from noise";
        var seasons = mk.Seasons > 1 ? F($", {mk.Seasons} seasons") : "";
        return [label, F($"S = {mk.S}, Z = {mk.Z:0.00}{seasons}"), "", P(mk.PValue), reading];
    }

    static string[] SenRow(string label, AnalysisResult<SensSlopeResult> result) =>
        result.TryGetValue(out var sen)
            ? [label, Signed(sen.Slope) + " per month", F($"[{N(sen.LowerBound)}, {N(sen.UpperBound)}]"), "", ""]
            : [label, "insufficient data: " + result.InsufficientReason, "", "", ""];

    static string[] EstimateRow(string label, Estimate estimate, string? reading, string unit = "") =>
        [label, Signed(estimate.Value) + unit, F($"[{N(estimate.Lower)}, {N(estimate.Upper)}]"), P(estimate.PValue), reading ?? ""];

    /// <summary>Pads columns to their widest cell; a cell starting "insufficient data" spans the rest of its row.</summary>
    static void WriteTable(TextWriter output, List<string[]> rows)
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows.Where(r => !r[1].StartsWith("insufficient", StringComparison.Ordinal)))
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
            output.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
        }
    }

    internal static string N(double value)
    {
        var magnitude = Math.Abs(value);
        var format = magnitude >= 1000 ? "#,0.#" : magnitude >= 1 ? "0.###" : "0.#####";
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    static string Signed(double value) => value > 0 ? "+" + N(value) : N(value);

    static string P(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
