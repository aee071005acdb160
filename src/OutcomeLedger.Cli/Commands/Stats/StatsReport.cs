using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Stats;

/// <summary>Every analysis <c>outcomes stats</c> shows, computed once and rendered as text or JSON.</summary>
internal sealed record StatsReport
{
    /// <summary>Months in the baseline and comparison windows of the relative change (one year, so the season cancels).</summary>
    public const int WindowMonths = 12;

    public required string File { get; init; }

    public required MonthlySeries Series { get; init; }

    public required bool Seasonal { get; init; }

    public required Period? Intervention { get; init; }

    public required AnalysisResult<MannKendallResult> MannKendall { get; init; }

    public required AnalysisResult<SensSlopeResult> SensSlope { get; init; }

    public required AnalysisResult<MannKendallResult>? SeasonalMannKendall { get; init; }

    public required AnalysisResult<SensSlopeResult>? SeasonalSensSlope { get; init; }

    public required AnalysisResult<InterruptedTimeSeriesResult>? InterruptedTimeSeries { get; init; }

    public required Period BaselineFrom { get; init; }

    public required Period BaselineTo { get; init; }

    public required Period ComparisonFrom { get; init; }

    public required Period ComparisonTo { get; init; }

    public required AnalysisResult<RelativeChangeResult> RelativeChange { get; init; }

    public required AnalysisResult<TargetPathPosition>? Target { get; init; }

    public required TargetPath? TargetPath { get; init; }

    /// <summary>
    /// Baseline: the 12 months before the intervention, or the first 12 months. Comparison: the last 12
    /// months, which must not overlap the baseline. Target path: from the baseline mean at the end of the
    /// baseline to <paramref name="target"/> at the end of <paramref name="due"/>; the latest value is read
    /// at the end of its month.
    /// </summary>
    public static StatsReport Compute(string file, MonthlySeries series, bool seasonal, Period? intervention, double? target, Period? due)
    {
        var baselineTo = intervention is { } start ? start.AddMonths(-1) : series.First.AddMonths(WindowMonths - 1);
        var baselineFrom = baselineTo.AddMonths(-(WindowMonths - 1));
        var comparisonTo = series.Last;
        var comparisonFrom = comparisonTo.AddMonths(-(WindowMonths - 1));
        var relative = Core.Evaluation.Statistics.RelativeChange.Compute(series, baselineFrom, baselineTo, comparisonFrom, comparisonTo, WindowMonths, WindowMonths);
        if (relative.IsSufficient && comparisonFrom <= baselineTo)
        {
            relative = AnalysisResult.Insufficient<RelativeChangeResult>(
                Shortfall.ComparisonOverlapsBaseline(WindowMonths, comparisonFrom, comparisonTo, baselineFrom, baselineTo));
        }

        TargetPath? path = null;
        AnalysisResult<TargetPathPosition>? position = null;
        if (target is { } targetValue && due is { } dueMonth)
        {
            if (!relative.TryGetValue(out var change))
            {
                position = AnalysisResult.Insufficient<TargetPathPosition>(Shortfall.NoBaselineValue(relative.Shortfall!));
            }
            else
            {
                var created = Core.Evaluation.Statistics.TargetPath.Create(EndOf(baselineTo), change.BaselineMean, EndOf(dueMonth), targetValue);
                if (created.TryGetValue(out path))
                {
                    var latest = series.Observations[^1];
                    position = AnalysisResult.Of(path.Locate(EndOf(latest.Month), latest.Value));
                }
                else
                {
                    position = AnalysisResult.Insufficient<TargetPathPosition>(created.Shortfall!);
                }
            }
        }

        return new StatsReport
        {
            File = file,
            Series = series,
            Seasonal = seasonal,
            Intervention = intervention,
            MannKendall = Core.Evaluation.Statistics.MannKendall.Test(series),
            SensSlope = Core.Evaluation.Statistics.SensSlope.Estimate(series),
            SeasonalMannKendall = seasonal ? Core.Evaluation.Statistics.MannKendall.Seasonal(series) : null,
            SeasonalSensSlope = seasonal ? Core.Evaluation.Statistics.SensSlope.Seasonal(series) : null,
            InterruptedTimeSeries = intervention is { } month
                ? Core.Evaluation.Statistics.InterruptedTimeSeries.Fit(series, month, new InterruptedTimeSeriesOptions { Seasonal = seasonal })
                : null,
            BaselineFrom = baselineFrom,
            BaselineTo = baselineTo,
            ComparisonFrom = comparisonFrom,
            ComparisonTo = comparisonTo,
            RelativeChange = relative,
            Target = position,
            TargetPath = path,
        };
    }

    /// <summary>A monthly value is read at the end of its month: the first day of the next.</summary>
    public static DateOnly EndOf(Period month) => month.AddMonths(1).Start;

    /// <summary>Months missing between the first and the last value.</summary>
    public int MissingMonths => Series.Last.MonthsSince(Series.First) + 1 - Series.Count;
}
