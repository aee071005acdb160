using System.Globalization;
using System.Text.Json;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Evaluation.Statistics;

/// <summary>
/// Reads the reference document written by reference/generate.py (scipy and statsmodels) and compares
/// our results with it. Shared by the golden-file tests and the live generator test.
/// </summary>
internal static class ReferenceData
{
    const double Relative = 1e-9;
    const double PRelative = 1e-7;

    static readonly Lazy<JsonDocument> GoldenDocument = new(() => JsonDocument.Parse(File.ReadAllText(GoldenPath)));

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Evaluation", "Statistics", "reference");

    public static string GoldenPath => Path.Combine(Directory, "golden.json");

    public static IEnumerable<JsonElement> GoldenSeries => GoldenDocument.Value.RootElement.GetProperty("series").EnumerateArray();

    public static TheoryData<string> GoldenNames(string requiredProperty)
    {
        var data = new TheoryData<string>();
        foreach (var series in GoldenSeries.Where(s => s.TryGetProperty(requiredProperty, out _)))
        {
            data.Add(series.GetProperty("name").GetString()!);
        }

        return data;
    }

    public static JsonElement Golden(string name) => GoldenSeries.Single(s => s.GetProperty("name").GetString() == name);

    public static MonthlySeries Series(JsonElement entry)
    {
        var months = entry.GetProperty("months").EnumerateArray().Select(m => ParseMonth(m.GetString()!)).ToArray();
        var values = entry.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return MonthlySeries.Create(months.Zip(values, (m, v) => new MonthlyObservation(m, v)));
    }

    public static Period ParseMonth(string text) =>
        Period.TryParseMonth(text, out var month) ? month : throw new FormatException($"Bad month {text}");

    public static void AssertClose(double expected, double actual, double relative = Relative, string what = "")
    {
        var tolerance = Math.Max(relative * Math.Abs(expected), 1e-12);
        Assert.True(
            Math.Abs(expected - actual) <= tolerance,
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tolerance:R})"));
    }

    public static void CompareMannKendall(JsonElement expected, MannKendallResult actual)
    {
        Assert.Equal(expected.GetProperty("s").GetInt64(), actual.S);
        AssertClose(expected.GetProperty("varS").GetDouble(), actual.VarianceS, what: "Var(S)");
        AssertClose(expected.GetProperty("z").GetDouble(), actual.Z, what: "Z");
        AssertClose(expected.GetProperty("p").GetDouble(), actual.PValue, PRelative, "p");
        if (expected.TryGetProperty("seasons", out var seasons))
        {
            Assert.Equal(seasons.GetInt32(), actual.Seasons);
        }
    }

    public static void CompareSen(JsonElement expected, SensSlopeResult actual)
    {
        AssertClose(expected.GetProperty("slope").GetDouble(), actual.Slope, what: "slope");
        AssertClose(expected.GetProperty("lower").GetDouble(), actual.LowerBound, what: "lower");
        AssertClose(expected.GetProperty("upper").GetDouble(), actual.UpperBound, what: "upper");
        if (expected.TryGetProperty("intercept", out var intercept))
        {
            Assert.NotNull(actual.Intercept);
            AssertClose(intercept.GetDouble(), actual.Intercept.Value, what: "intercept");
        }

        if (expected.TryGetProperty("pairs", out var pairs))
        {
            Assert.Equal(pairs.GetInt32(), actual.PairCount);
        }
    }

    public static InterruptedTimeSeriesOptions ItsOptions(JsonElement config) => new()
    {
        Seasonal = config.GetProperty("monthEffects").GetBoolean(),
        HacLag = config.GetProperty("lag").GetInt32(),
        Distribution = config.GetProperty("useT").GetBoolean() ? IntervalDistribution.StudentT : IntervalDistribution.Normal,
        SmallSampleCorrection = config.GetProperty("correction").GetBoolean(),
    };

    public static void CompareIts(JsonElement expected, InterruptedTimeSeriesResult actual)
    {
        Assert.Equal(expected.GetProperty("monthEffects").GetBoolean(), actual.MonthEffectsIncluded);
        Assert.Equal(expected.GetProperty("df").GetInt32(), actual.ResidualDegreesOfFreedom);
        var parameters = Doubles(expected, "params");
        Assert.Equal(parameters.Length, actual.Coefficients.Count);
        for (var i = 0; i < parameters.Length; i++)
        {
            AssertClose(parameters[i], actual.Coefficients[i], 1e-8, $"coefficient {i}");
        }

        Estimate[] estimates = [actual.Intercept, actual.PreTrend, actual.LevelChange, actual.SlopeChange];
        var se = Doubles(expected, "bse");
        var p = Doubles(expected, "pvalues");
        var lower = Doubles(expected, "lower");
        var upper = Doubles(expected, "upper");
        for (var i = 0; i < estimates.Length; i++)
        {
            AssertClose(parameters[i], estimates[i].Value, 1e-8, $"b{i}");
            AssertClose(se[i], estimates[i].StandardError, 1e-8, $"se(b{i})");
            AssertClose(p[i], estimates[i].PValue, 1e-6, $"p(b{i})");
            AssertClose(lower[i], estimates[i].Lower, 1e-8, $"lower(b{i})");
            AssertClose(upper[i], estimates[i].Upper, 1e-8, $"upper(b{i})");
        }

        AssertClose(expected.GetProperty("change").GetDouble(), actual.ChangeAtLastPeriod.Value, 1e-8, "change");
        AssertClose(expected.GetProperty("changeSe").GetDouble(), actual.ChangeAtLastPeriod.StandardError, 1e-8, "se(change)");
        AssertClose(expected.GetProperty("changeLower").GetDouble(), actual.ChangeAtLastPeriod.Lower, 1e-8, "lower(change)");
        AssertClose(expected.GetProperty("changeUpper").GetDouble(), actual.ChangeAtLastPeriod.Upper, 1e-8, "upper(change)");
        AssertClose(expected.GetProperty("changeP").GetDouble(), actual.ChangeAtLastPeriod.PValue, 1e-6, "p(change)");
        AssertClose(expected.GetProperty("counterfactual").GetDouble(), actual.CounterfactualAtLastPeriod, 1e-8, "counterfactual");
        Assert.NotNull(actual.PercentChangeAtLastPeriod);
        AssertClose(expected.GetProperty("percent").GetDouble(), actual.PercentChangeAtLastPeriod.Value, 1e-8, "percent");
        AssertClose(expected.GetProperty("percentSe").GetDouble(), actual.PercentChangeAtLastPeriod.StandardError, 1e-8, "se(percent)");
    }

    /// <summary>Runs every comparison the document holds for one series entry.</summary>
    public static void CompareAll(JsonElement entry)
    {
        var series = Series(entry);
        if (entry.TryGetProperty("mannKendall", out var mk))
        {
            CompareMannKendall(mk, MannKendall.Test(series).Value);
            CompareSen(entry.GetProperty("sen"), SensSlope.Estimate(series).Value);
        }

        if (entry.TryGetProperty("seasonalMannKendall", out var smk))
        {
            CompareMannKendall(smk, MannKendall.Seasonal(series).Value);
            CompareSen(entry.GetProperty("seasonalSen"), SensSlope.Seasonal(series).Value);
        }

        if (entry.TryGetProperty("its", out var its))
        {
            var intervention = ParseMonth(entry.GetProperty("intervention").GetString()!);
            foreach (var config in its.EnumerateArray())
            {
                CompareIts(config, InterruptedTimeSeries.Fit(series, intervention, ItsOptions(config)).Value);
            }
        }
    }

    static double[] Doubles(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(v => v.GetDouble())];
}
