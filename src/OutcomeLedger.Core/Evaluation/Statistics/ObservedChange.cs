using MathNet.Numerics.Distributions;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>
/// The observed change against the baseline: the mean of the values compared minus the baseline (the stated value,
/// or the mean of the baseline values), with an interval that allows for autocorrelation. It is what the data
/// says happened, before any model of what would have happened: the first evidence a rating rests on.
/// </summary>
public static class ObservedChange
{
    /// <summary>
    /// Compares <paramref name="comparison"/> with <paramref name="baseline"/> (the baseline periods' values), or with
    /// <paramref name="statedBaseline"/> when one is given (then <paramref name="baseline"/> is not used).
    /// <list type="bullet">
    /// <item>With a stated baseline: the mean of the differences from it (one sample).</item>
    /// <item>With <paramref name="seasonal"/> and a baseline value in the same calendar month as each compared value:
    /// each compared value minus the baseline value of its calendar month (paired, so a partial year is not mistaken
    /// for a change by the season); the baseline it is stated against is then the mean of those months' values.</item>
    /// <item>Otherwise: the difference of the two means (Welch).</item>
    /// </list>
    /// The variance of each mean is Newey-West's (Bartlett kernel, lag <paramref name="lag"/> or the Newey-West 1994
    /// rule, at most n − 1) with the small-sample factor n/(n − 1), and never less than s²/n; the interval is Student's t with n − 1 degrees of
    /// freedom (one sample or paired) or the Welch-Satterthwaite degrees of freedom. The percentage divides the
    /// change and its interval by |baseline|, taken as known.
    /// </summary>
    public static AnalysisResult<ObservedChangeResult> Compute(
        IReadOnlyList<MonthlyObservation> baseline,
        IReadOnlyList<MonthlyObservation> comparison,
        double? statedBaseline,
        bool seasonal,
        double confidence,
        int? lag = null,
        int minimumBaseline = 2,
        int minimumComparison = 2)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumBaseline, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumComparison, 2);
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "the confidence level must be between 0 and 1");
        }

        if (statedBaseline is null && baseline.Count < minimumBaseline)
        {
            return AnalysisResult.Insufficient<ObservedChangeResult>(Shortfall.TooFewBaselineValues(baseline.Count, minimumBaseline));
        }

        if (comparison.Count < minimumComparison)
        {
            return AnalysisResult.Insufficient<ObservedChangeResult>(Shortfall.TooFewComparisonValues(comparison.Count, minimumComparison));
        }

        var byMonth = baseline.GroupBy(o => o.Month.MonthOfYear).ToDictionary(g => g.Key, g => g.Average(o => o.Value));
        var sameMonths = statedBaseline is null && seasonal && comparison.All(o => byMonth.ContainsKey(o.Month.MonthOfYear));

        // The reference the change is stated against: with same months, the baseline's values of the compared calendar
        // months (each as often as it is compared), so "mean M against baseline B" is the change it states.
        var baselineMean = statedBaseline ?? (sameMonths ? comparison.Average(o => byMonth[o.Month.MonthOfYear]) : baseline.Average(o => o.Value));
        if (baselineMean == 0)
        {
            return AnalysisResult.Insufficient<ObservedChangeResult>(Shortfall.ZeroBaselineMean);
        }

        var comparisonMean = comparison.Average(o => o.Value);
        double change;
        double variance;
        double df;
        ObservedChangeMethod method;
        if (statedBaseline is { } stated)
        {
            method = ObservedChangeMethod.StatedBaseline;
            (change, variance) = MeanAndVariance([.. comparison.Select(o => o.Value - stated)], lag);
            df = comparison.Count - 1;
        }
        else if (sameMonths)
        {
            method = ObservedChangeMethod.SameMonths;
            (change, variance) = MeanAndVariance([.. comparison.Select(o => o.Value - byMonth[o.Month.MonthOfYear])], lag);
            df = comparison.Count - 1;
        }
        else
        {
            method = ObservedChangeMethod.DifferenceOfMeans;
            var (_, baselineVariance) = MeanAndVariance([.. baseline.Select(o => o.Value)], lag);
            var (_, comparisonVariance) = MeanAndVariance([.. comparison.Select(o => o.Value)], lag);
            change = comparisonMean - baselineMean;
            variance = baselineVariance + comparisonVariance;
            var denominator = (baselineVariance * baselineVariance / (baseline.Count - 1)) + (comparisonVariance * comparisonVariance / (comparison.Count - 1));
            df = denominator > 0 ? variance * variance / denominator : baseline.Count + comparison.Count - 2;
        }

        var standardError = Math.Sqrt(Math.Max(variance, 0));
        var critical = StudentT.InvCDF(0, 1, df, 1 - ((1 - confidence) / 2));
        var p = standardError > 0 ? 2 * StudentT.CDF(0, 1, df, -Math.Abs(change / standardError)) : change == 0 ? 1 : 0;
        var estimate = new Estimate(change, standardError, change - (critical * standardError), change + (critical * standardError), p);
        var scale = 100 / Math.Abs(baselineMean);
        return AnalysisResult.Of(new ObservedChangeResult(
            method,
            baselineMean,
            statedBaseline is null ? baseline.Count : 0,
            comparisonMean,
            comparison.Count,
            estimate,
            estimate.Value * scale,
            estimate.Lower * scale,
            estimate.Upper * scale,
            df,
            confidence));
    }

    /// <summary>
    /// The mean of <paramref name="values"/> and the variance of that mean: the larger of the independent-values
    /// variance s²/n and Newey-West's with n/(n − 1). Autocorrelation may widen the interval, never narrow it: on the
    /// short windows a rating looks at, estimated negative autocorrelations would otherwise call noise a change.
    /// </summary>
    static (double Mean, double Variance) MeanAndVariance(double[] values, int? lag)
    {
        var n = values.Length;
        var mean = values.Average();
        var deviations = values.Select(v => v - mean).ToArray();
        var l = Math.Min(lag ?? NeweyWest.DefaultLag(n), n - 1);
        var longRun = NeweyWest.Variance(deviations, l) / ((double)n * n) * n / (n - 1);
        var independent = deviations.Sum(d => d * d) / (n - 1) / n;
        return (mean, Math.Max(longRun, independent));
    }
}
