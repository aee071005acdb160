using System.Buffers;
using MathNet.Numerics.Distributions;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>Mann-Kendall trend tests: plain, and seasonal for monthly data.</summary>
public static class MannKendall
{
    /// <summary>The test on values in time order (their spacing does not matter to it).</summary>
    public static AnalysisResult<MannKendallResult> Test(IReadOnlyList<double> values, TrendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        options ??= TrendOptions.Default;
        options.Validate();
        if (values.Count < options.MinimumValues)
        {
            return AnalysisResult.Insufficient<MannKendallResult>(Shortfall.TooFewForTrendTest(values.Count, options.MinimumValues));
        }

        var (s, variance) = Statistic(values);
        var (z, p) = Standardise(s, variance);
        return AnalysisResult.Of(new MannKendallResult(values.Count, 1, s, variance, z, p));
    }

    public static AnalysisResult<MannKendallResult> Test(MonthlySeries series, TrendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Test(series.Values(), options);
    }

    /// <summary>
    /// Seasonal Kendall test (Hirsch, Slack and Smith 1982): S and Var(S) computed within each calendar
    /// month across years, then summed. Seasons are treated as independent (no Hirsch-Slack 1984
    /// covariance correction).
    /// </summary>
    public static AnalysisResult<MannKendallResult> Seasonal(MonthlySeries series, TrendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= TrendOptions.Default;
        options.Validate();
        var seasons = BySeason(series);
        var insufficient = SeasonalCoverage(seasons, options);
        if (insufficient is not null)
        {
            return AnalysisResult.Insufficient<MannKendallResult>(insufficient);
        }

        long s = 0;
        double variance = 0;
        var used = 0;
        foreach (var season in seasons)
        {
            if (season.Count < 2)
            {
                continue;
            }

            var (seasonS, seasonVariance) = Statistic(SeasonValues(season).AsSpan());
            s += seasonS;
            variance += seasonVariance;
            used++;
        }

        var (z, p) = Standardise(s, variance);
        return AnalysisResult.Of(new MannKendallResult(series.Count, used, s, variance, z, p));
    }

    /// <summary>S and its tie-corrected variance, Gilbert (1987) ch. 16.</summary>
    internal static (long S, double Variance) Statistic(IReadOnlyList<double> values) =>
        Statistic((values as double[] ?? [.. values]).AsSpan());

    /// <summary>S and its tie-corrected variance, Gilbert (1987) ch. 16.</summary>
    internal static (long S, double Variance) Statistic(ReadOnlySpan<double> values)
    {
        long s = 0;
        for (var i = 0; i < values.Length - 1; i++)
        {
            for (var j = i + 1; j < values.Length; j++)
            {
                s += Math.Sign(values[j] - values[i]);
            }
        }

        double n = values.Length;
        var variance = n * (n - 1) * ((2 * n) + 5);

        // Tied groups are runs of equal values once sorted (the terms are integers, so their order does not matter).
        var sorted = ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            var run = sorted.AsSpan(0, values.Length);
            values.CopyTo(run);
            run.Sort();
            for (var start = 0; start < run.Length;)
            {
                var end = start + 1;
                while (end < run.Length && run[end] == run[start])
                {
                    end++;
                }

                double t = end - start;
                variance -= t * (t - 1) * ((2 * t) + 5);
                start = end;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sorted);
        }

        return (s, variance / 18);
    }

    /// <summary>Z with the continuity correction and the two-sided normal p-value, Gilbert (1987) ch. 16.</summary>
    internal static (double Z, double PValue) Standardise(long s, double variance)
    {
        if (s == 0 || variance <= 0)
        {
            return (0, 1);
        }

        var sigma = Math.Sqrt(variance);
        var z = s > 0 ? (s - 1) / sigma : (s + 1) / sigma;
        return (z, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
    }

    /// <summary>The values of one season, in time order.</summary>
    internal static double[] SeasonValues(List<MonthlyObservation> season)
    {
        var values = new double[season.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = season[i].Value;
        }

        return values;
    }

    /// <summary>The observations grouped by calendar month (index 0 = January), each in time order.</summary>
    internal static List<MonthlyObservation>[] BySeason(MonthlySeries series)
    {
        var seasons = new List<MonthlyObservation>[12];
        for (var m = 0; m < 12; m++)
        {
            seasons[m] = [];
        }

        foreach (var observation in series.Observations)
        {
            seasons[observation.Month.MonthOfYear - 1].Add(observation);
        }

        return seasons;
    }

    internal static Shortfall? SeasonalCoverage(List<MonthlyObservation>[] seasons, TrendOptions options)
    {
        var covered = seasons.Count(s => s.Count >= options.MinimumValuesPerSeason);
        if (covered >= options.MinimumSeasons)
        {
            return null;
        }

        var thinnest = Enumerable.Range(0, 12).OrderBy(m => seasons[m].Count).First();
        return Shortfall.TooFewSeasons(covered, options.MinimumValuesPerSeason, thinnest + 1, seasons[thinnest].Count, options.MinimumSeasons);
    }
}
