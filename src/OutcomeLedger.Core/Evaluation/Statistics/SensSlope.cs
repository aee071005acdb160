using MathNet.Numerics.Distributions;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>Sen's slope estimator and its seasonal form.</summary>
public static class SensSlope
{
    /// <summary>
    /// Sen's slope of <paramref name="values"/> observed at <paramref name="times"/> (strictly increasing,
    /// in months). The interval uses Var(S) with the tie correction (Sen 1968 eq. 2.6).
    /// </summary>
    public static AnalysisResult<SensSlopeResult> Estimate(IReadOnlyList<double> times, IReadOnlyList<double> values, TrendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        if (times.Count != values.Count)
        {
            throw new ArgumentException("times and values must have the same length.", nameof(times));
        }

        for (var i = 1; i < times.Count; i++)
        {
            if (!(times[i] > times[i - 1]))
            {
                throw new ArgumentException("times must be strictly increasing.", nameof(times));
            }
        }

        options ??= TrendOptions.Default;
        options.Validate();
        if (values.Count < options.MinimumValues)
        {
            return AnalysisResult.Insufficient<SensSlopeResult>(Shortfall.TooFewForSensSlope(values.Count, options.MinimumValues));
        }

        var slopes = new List<double>(values.Count * (values.Count - 1) / 2);
        AddPairwiseSlopes(times is double[] t ? t : [.. times], values is double[] v ? v : [.. values], slopes);
        slopes.Sort();
        var slope = MedianOfSorted(slopes);
        var intercept = Median(values) - (slope * Median(times));
        var (_, variance) = MannKendall.Statistic(values);
        var (lower, upper) = Interval(slopes, variance, options.Confidence);
        return AnalysisResult.Of(new SensSlopeResult(slope, intercept, lower, upper, options.Confidence, slopes.Count, false));
    }

    public static AnalysisResult<SensSlopeResult> Estimate(MonthlySeries series, TrendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Estimate(series.Times(), series.Values(), options);
    }

    /// <summary>
    /// Seasonal Sen's slope (Hirsch, Slack and Smith 1982): the median of slopes between values of the same
    /// calendar month, per month. Its interval uses N′ = all within-season pairs and the summed seasonal
    /// Var(S) (Gilbert 1987 ch. 17).
    /// </summary>
    public static AnalysisResult<SensSlopeResult> Seasonal(MonthlySeries series, TrendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= TrendOptions.Default;
        options.Validate();
        var seasons = MannKendall.BySeason(series);
        var insufficient = MannKendall.SeasonalCoverage(seasons, options);
        if (insufficient is not null)
        {
            return AnalysisResult.Insufficient<SensSlopeResult>(insufficient);
        }

        var origin = series.First;
        var pairs = 0;
        foreach (var season in seasons)
        {
            pairs += season.Count * (season.Count - 1) / 2;
        }

        var slopes = new List<double>(pairs);
        double variance = 0;
        foreach (var season in seasons.Where(s => s.Count >= 2))
        {
            var times = new double[season.Count];
            for (var i = 0; i < times.Length; i++)
            {
                times[i] = season[i].Month.MonthsSince(origin);
            }

            var values = MannKendall.SeasonValues(season);
            AddPairwiseSlopes(times, values, slopes);
            variance += MannKendall.Statistic(values.AsSpan()).Variance;
        }

        slopes.Sort();
        var (lower, upper) = Interval(slopes, variance, options.Confidence);
        return AnalysisResult.Of(new SensSlopeResult(MedianOfSorted(slopes), null, lower, upper, options.Confidence, slopes.Count, true));
    }

    static void AddPairwiseSlopes(ReadOnlySpan<double> times, ReadOnlySpan<double> values, List<double> slopes)
    {
        for (var i = 0; i < values.Length - 1; i++)
        {
            for (var j = i + 1; j < values.Length; j++)
            {
                slopes.Add((values[j] - values[i]) / (times[j] - times[i]));
            }
        }
    }

    /// <summary>
    /// Gilbert (1987) ch. 16, Sen's estimator: C = z·√Var(S), M1 = (N′ − C)/2, M2 = (N′ + C)/2; the limits are the
    /// M1-th and (M2 + 1)-th smallest slopes. M1 and M2 are rounded half-to-even (as numpy's round in scipy).
    /// </summary>
    static (double Lower, double Upper) Interval(List<double> sortedSlopes, double varianceS, double confidence)
    {
        var n = sortedSlopes.Count;
        var c = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2)) * Math.Sqrt(Math.Max(varianceS, 0));
        var lowerIndex = Math.Max((int)Math.Round((n - c) / 2, MidpointRounding.ToEven) - 1, 0);
        var upperIndex = Math.Min((int)Math.Round((n + c) / 2, MidpointRounding.ToEven), n - 1);
        return (sortedSlopes[lowerIndex], sortedSlopes[upperIndex]);
    }

    internal static double MedianOfSorted(List<double> sorted)
    {
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.ToList();
        sorted.Sort();
        return MedianOfSorted(sorted);
    }
}
