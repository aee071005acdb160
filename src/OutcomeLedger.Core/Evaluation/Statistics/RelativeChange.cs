using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>Relative change against a baseline: (mean of comparison − mean of baseline) / |mean of baseline|.</summary>
public static class RelativeChange
{
    /// <summary>
    /// Compares the mean of <paramref name="comparison"/> with the mean of <paramref name="baseline"/>.
    /// For a seasonal monthly series compare whole years (12 months with 12 months) so the season cancels.
    /// </summary>
    public static AnalysisResult<RelativeChangeResult> Compute(
        IReadOnlyList<double> baseline,
        IReadOnlyList<double> comparison,
        int minimumBaseline = 1,
        int minimumComparison = 1)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumBaseline, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumComparison, 1);
        if (baseline.Count < minimumBaseline)
        {
            return AnalysisResult.Insufficient<RelativeChangeResult>(Shortfall.TooFewBaselineValues(baseline.Count, minimumBaseline));
        }

        if (comparison.Count < minimumComparison)
        {
            return AnalysisResult.Insufficient<RelativeChangeResult>(Shortfall.TooFewComparisonValues(comparison.Count, minimumComparison));
        }

        var baselineMean = baseline.Average();
        var comparisonMean = comparison.Average();
        if (baselineMean == 0)
        {
            return AnalysisResult.Insufficient<RelativeChangeResult>(Shortfall.ZeroBaselineMean);
        }

        var change = comparisonMean - baselineMean;
        return AnalysisResult.Of(new RelativeChangeResult(baselineMean, baseline.Count, comparisonMean, comparison.Count, change, change / Math.Abs(baselineMean)));
    }

    /// <summary>Baseline and comparison as inclusive month ranges of one series.</summary>
    public static AnalysisResult<RelativeChangeResult> Compute(
        MonthlySeries series,
        Period baselineFrom,
        Period baselineTo,
        Period comparisonFrom,
        Period comparisonTo,
        int minimumBaseline = 1,
        int minimumComparison = 1)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Compute(
            [.. series.Between(baselineFrom, baselineTo).Select(o => o.Value)],
            [.. series.Between(comparisonFrom, comparisonTo).Select(o => o.Value)],
            minimumBaseline,
            minimumComparison);
    }
}
