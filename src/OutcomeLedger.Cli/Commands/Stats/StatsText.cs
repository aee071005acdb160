using System.Globalization;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli.Commands.Stats;

/// <summary>Renders a <see cref="StatsReport"/> as aligned plain-text tables for people, in the catalogue's language.</summary>
internal static class StatsText
{
    const double Alpha = 0.05;

    public static void Write(StatsReport report, TextWriter output, TextCatalogue text)
    {
        var series = report.Series;
        var gaps = report.MissingMonths == 0 ? text.StatsNoMissingMonths : TextCatalogue.Fill(text.StatsMissingMonths, ("count", I(report.MissingMonths)));
        output.WriteLine(TextCatalogue.Fill(
            text.StatsSummary, ("file", report.File), ("count", I(series.Count)), ("first", series.First.ToString()), ("last", series.Last.ToString()), ("gaps", gaps)));
        output.WriteLine();

        var trend = new List<string[]> { new[] { text.StatsTrend, text.StatsEstimate, TextCatalogue.Fill(text.StatsInterval, ("level", "95")), "p", text.StatsReading } };
        var insufficient = new HashSet<string[]>();
        trend.Add(MannKendallRow(text.StatsMannKendall, report.MannKendall, text, insufficient));
        trend.Add(SenRow(text.StatsSensSlope, report.SensSlope, text, insufficient));
        if (report.SeasonalMannKendall is { } seasonal)
        {
            trend.Add(MannKendallRow(text.StatsSeasonalMannKendall, seasonal, text, insufficient));
        }

        if (report.SeasonalSensSlope is { } seasonalSlope)
        {
            trend.Add(SenRow(text.StatsSeasonalSensSlope, seasonalSlope, text, insufficient));
        }

        WriteTable(output, trend, insufficient);

        if (report.InterruptedTimeSeries is { } its)
        {
            output.WriteLine();
            WriteInterruptedTimeSeries(output, report.Intervention!.Value, its, text);
        }

        output.WriteLine();
        output.WriteLine(text.StatsRelativeChange);
        if (report.RelativeChange.TryGetValue(out var change))
        {
            output.WriteLine(TextCatalogue.Fill(
                text.StatsBaseline, ("from", report.BaselineFrom.ToString()), ("to", report.BaselineTo.ToString()), ("mean", N(change.BaselineMean)), ("count", I(change.BaselineCount))));
            output.WriteLine(TextCatalogue.Fill(
                text.StatsLatest, ("from", report.ComparisonFrom.ToString()), ("to", report.ComparisonTo.ToString()), ("mean", N(change.ComparisonMean)), ("count", I(change.ComparisonCount))));
            output.WriteLine(TextCatalogue.Fill(text.StatsChange, ("change", Signed(change.AbsoluteChange)), ("percent", Signed(change.Percent))));
        }
        else
        {
            output.WriteLine("  " + Insufficient(report.RelativeChange.Shortfall!, text));
        }

        if (report.Target is { } target)
        {
            output.WriteLine();
            output.WriteLine(text.StatsTargetPath);
            if (target.TryGetValue(out var position) && report.TargetPath is { } path)
            {
                output.WriteLine(TextCatalogue.Fill(
                    text.StatsTargetFrom, ("from", N(path.BaselineValue)), ("fromDate", Iso(path.BaselineDate)), ("to", N(path.TargetValue)), ("toDate", Iso(path.DueDate))));
                output.WriteLine(TextCatalogue.Fill(
                    text.StatsTargetLatest, ("month", series.Last.ToString()), ("value", N(position.Value)), ("expected", N(position.Expected)), ("gap", Signed(position.Gap))));
                var state = position.TargetReached ? text.StatsTargetReached : position.OnOrAheadOfPath ? text.StatsOnOrAhead : text.StatsBehind;
                output.WriteLine(TextCatalogue.Fill(
                    text.StatsTargetProgress, ("achieved", Percent(position.FractionAchieved)), ("elapsed", Percent(position.FractionOfTimeElapsed)), ("state", state)));
            }
            else
            {
                output.WriteLine("  " + Insufficient(target.Shortfall!, text));
            }
        }
    }

    static void WriteInterruptedTimeSeries(TextWriter output, Period intervention, AnalysisResult<InterruptedTimeSeriesResult> result, TextCatalogue text)
    {
        if (!result.TryGetValue(out var its))
        {
            output.WriteLine(TextCatalogue.Fill(text.StatsIts, ("month", intervention.ToString())));
            output.WriteLine("  " + Insufficient(result.Shortfall!, text));
            return;
        }

        var distribution = its.Distribution == IntervalDistribution.StudentT ? TextCatalogue.Fill(text.StatsStudentT, ("df", I(its.ResidualDegreesOfFreedom))) : text.StatsNormal;
        output.WriteLine(TextCatalogue.Fill(
            text.StatsItsFit,
            ("month", intervention.ToString()),
            ("before", I(its.CountBefore)),
            ("after", I(its.CountAfter)),
            ("effects", its.MonthEffectsIncluded ? text.StatsMonthEffects : text.StatsNoMonthEffects),
            ("lag", I(its.HacLag)),
            ("distribution", distribution)));
        var rows = new List<string[]>
        {
            new[] { text.StatsEstimate, text.StatsValue, TextCatalogue.Fill(text.StatsInterval, ("level", (its.Confidence * 100).ToString("0.#", CultureInfo.InvariantCulture))), "p", text.StatsReading },
            EstimateRow(text.StatsTrendBefore, its.PreTrend, null),
            EstimateRow(text.StatsLevelChange, its.LevelChange, null),
            EstimateRow(text.StatsSlopeChange, its.SlopeChange, null),
            EstimateRow(TextCatalogue.Fill(text.StatsChangeAt, ("month", its.LastMonth.ToString())), its.ChangeAtLastPeriod, Against(its.ChangeAtLastPeriod, text)),
        };
        if (its.PercentChangeAtLastPeriod is { } percent)
        {
            rows.Add(EstimateRow(text.StatsAsPercent, percent, null, " %"));
        }

        WriteTable(output, rows, []);
        output.WriteLine(TextCatalogue.Fill(text.StatsProjected, ("month", its.LastMonth.ToString()), ("value", N(its.CounterfactualAtLastPeriod))));
        if (its.CounterfactualAtLastPeriod <= 0)
        {
            output.WriteLine(text.StatsProjectionNotPositive);
        }
    }

    static string Against(Estimate change, TextCatalogue text) =>
        !change.ExcludesZero ? text.StatsNotDistinguishable
        : change.Value < 0 ? text.StatsBelowProjection
        : text.StatsAboveProjection;

    static string Insufficient(Shortfall shortfall, TextCatalogue text) => TextCatalogue.Fill(text.StatsInsufficient, ("reason", text.Sentence(shortfall)));

    static string[] MannKendallRow(string label, AnalysisResult<MannKendallResult> result, TextCatalogue text, HashSet<string[]> insufficient)
    {
        if (!result.TryGetValue(out var mk))
        {
            return Spanning([label, Insufficient(result.Shortfall!, text), "", "", ""], insufficient);
        }

        var reading = !mk.IsSignificant(Alpha) ? text.StatsNoTrend
            : mk.S > 0 ? text.StatsRising
            : text.StatsFalling;
        var seasons = mk.Seasons > 1 ? TextCatalogue.Fill(text.StatsSeasons, ("count", I(mk.Seasons))) : "";
        return [label, F($"S = {mk.S}, Z = {mk.Z:0.00}") + seasons, "", P(mk.PValue), reading];
    }

    static string[] SenRow(string label, AnalysisResult<SensSlopeResult> result, TextCatalogue text, HashSet<string[]> insufficient) =>
        result.TryGetValue(out var sen)
            ? [label, TextCatalogue.Fill(text.StatsPerMonth, ("slope", Signed(sen.Slope))), F($"[{N(sen.LowerBound)}, {N(sen.UpperBound)}]"), "", ""]
            : Spanning([label, Insufficient(result.Shortfall!, text), "", "", ""], insufficient);

    static string[] Spanning(string[] row, HashSet<string[]> insufficient)
    {
        insufficient.Add(row);
        return row;
    }

    static string[] EstimateRow(string label, Estimate estimate, string? reading, string unit = "") =>
        [label, Signed(estimate.Value) + unit, F($"[{N(estimate.Lower)}, {N(estimate.Upper)}]"), P(estimate.PValue), reading ?? ""];

    /// <summary>Pads columns to their widest cell; an insufficient-data row's message spans the rest of its row.</summary>
    static void WriteTable(TextWriter output, List<string[]> rows, HashSet<string[]> spanning)
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows.Where(r => !spanning.Contains(r)))
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

    static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Signed(double value) => value > 0 ? "+" + N(value) : N(value);

    static string P(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
