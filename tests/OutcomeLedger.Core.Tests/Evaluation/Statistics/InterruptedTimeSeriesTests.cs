using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Evaluation.Statistics;

public class InterruptedTimeSeriesTests
{
    [Theory]
    [MemberData(nameof(ItsCases))]
    public void Fit_ReferenceSeries_MatchesStatsmodelsHac(string name, int configIndex)
    {
        var entry = ReferenceData.Golden(name);
        var config = entry.GetProperty("its")[configIndex];
        var intervention = ReferenceData.ParseMonth(entry.GetProperty("intervention").GetString()!);

        var result = InterruptedTimeSeries.Fit(ReferenceData.Series(entry), intervention, ReferenceData.ItsOptions(config));

        ReferenceData.CompareIts(config, result.Value);
    }

    [Fact]
    public void Fit_DefaultOptions_UseNeweyWestRuleAndMonthEffects()
    {
        var entry = ReferenceData.Golden("overdose-like-72");

        var result = InterruptedTimeSeries.Fit(ReferenceData.Series(entry), Period.Month(2023, 7)).Value;

        Assert.Equal(3, result.HacLag);
        Assert.True(result.MonthEffectsIncluded);
        Assert.Equal(IntervalDistribution.StudentT, result.Distribution);
        Assert.True(result.SmallSampleCorrection);
        Assert.Equal(54, result.InterventionTime);
        Assert.Equal(71, result.LastTime);
        Assert.Equal(54, result.CountBefore);
        Assert.Equal(18, result.CountAfter);
        Assert.Equal(72 - 15, result.ResidualDegreesOfFreedom);
        Assert.Equal(15, result.Coefficients.Count);
        Assert.True(result.ChangeAtLastPeriod.Upper < 0);
        ReferenceData.CompareIts(entry.GetProperty("its")[0], result);
    }

    [Fact]
    public void Fit_ExactSegmentedLine_RecoversLevelAndSlopeChange()
    {
        // y = 100 + 2t before t0 = 20; after: level −10 and slope −3 per month.
        var values = Enumerable.Range(0, 40).Select(t => 100 + (2.0 * t) + (t >= 20 ? -10 - (3.0 * (t - 20)) : 0));
        var series = ConsecutiveMonths.From(Period.Month(2020, 1), values);

        var result = InterruptedTimeSeries.Fit(series, Period.Month(2021, 9), new InterruptedTimeSeriesOptions { Seasonal = false }).Value;

        Assert.Equal(2, result.PreTrend.Value, 9);
        Assert.Equal(-10, result.LevelChange.Value, 9);
        Assert.Equal(-3, result.SlopeChange.Value, 9);
        Assert.Equal(-10 - (3 * 19), result.ChangeAtLastPeriod.Value, 9);
        Assert.Equal(100 + (2 * 39), result.CounterfactualAtLastPeriod, 9);
        Assert.Equal(100.0 * (-10 - (3 * 19)) / (100 + (2 * 39)), result.PercentChangeAtLastPeriod!.Value, 9);
    }

    [Fact]
    public void Fit_ProjectionReachesZero_HasNoPercentage()
    {
        // y = 78 − 2t before t0 = 20 projects to exactly 0 at T = 39; after: flat at 30 ± 1.
        var values = Enumerable.Range(0, 40).Select(t => t < 20 ? 78 - (2.0 * t) : 30 + (t % 2));
        var series = ConsecutiveMonths.From(Period.Month(2020, 1), values);

        var result = InterruptedTimeSeries.Fit(series, Period.Month(2021, 9), new InterruptedTimeSeriesOptions { Seasonal = false }).Value;

        Assert.Equal(0, result.CounterfactualAtLastPeriod, 9);
        Assert.Null(result.PercentChangeAtLastPeriod);
        Assert.True(result.ChangeAtLastPeriod.Value > 0);
    }

    [Fact]
    public void Fit_SevenValuesAfterIntervention_IsInsufficientWithPlainReason()
    {
        var series = ConsecutiveMonths.From(Period.Month(2022, 1), Enumerable.Range(0, 31).Select(i => (double)i));

        var result = InterruptedTimeSeries.Fit(series, Period.Month(2024, 1));

        Assert.False(result.IsSufficient);
        Assert.Equal("only 7 monthly values after the intervention (2024-01); at least 12 are needed", TextCatalogue.English.Sentence(result.Shortfall!));
    }

    [Fact]
    public void Fit_TooFewBefore_IsInsufficient()
    {
        var series = ConsecutiveMonths.From(Period.Month(2022, 1), Enumerable.Range(0, 30).Select(i => (double)i));

        var result = InterruptedTimeSeries.Fit(series, Period.Month(2022, 6));

        Assert.Equal("only 5 monthly values before the intervention (2022-06); at least 12 are needed", TextCatalogue.English.Sentence(result.Shortfall!));
    }

    [Fact]
    public void Fit_OneValueBefore_UsesSingularInReason()
    {
        var series = ConsecutiveMonths.From(Period.Month(2024, 1), Enumerable.Range(0, 20).Select(i => (double)i));

        var result = InterruptedTimeSeries.Fit(series, Period.Month(2024, 2), new InterruptedTimeSeriesOptions { MinimumBefore = 2 });

        Assert.Equal("only 1 monthly value before the intervention (2024-02); at least 2 are needed", TextCatalogue.English.Sentence(result.Shortfall!));
    }

    [Fact]
    public void Fit_ShortSeasonalSeries_OmitsMonthEffects()
    {
        var entry = ReferenceData.Golden("seasonal-60");
        var series = MonthlySeries.Create(ReferenceData.Series(entry).Observations.Skip(40));

        var result = InterruptedTimeSeries.Fit(series, Period.Month(2022, 9), new InterruptedTimeSeriesOptions { MinimumBefore = 4, MinimumAfter = 12 });

        Assert.True(result.IsSufficient);
        Assert.False(result.Value.MonthEffectsIncluded);
        Assert.Equal(4, result.Value.Coefficients.Count);
    }

    [Fact]
    public void Fit_MonthEffectConfoundedWithIntervention_IsRankDeficient()
    {
        // Januaries 2000–2011 before the intervention, Julys 2012–2023 after: the July column is the "after" column.
        var observations = Enumerable.Range(0, 12).Select(i => new MonthlyObservation(Period.Month(2000 + i, 1), 100 + i + (i % 3)))
            .Concat(Enumerable.Range(0, 12).Select(i => new MonthlyObservation(Period.Month(2012 + i, 7), 90 + i - (i % 2))));

        var result = InterruptedTimeSeries.Fit(MonthlySeries.Create(observations), Period.Month(2012, 1));

        Assert.False(result.IsSufficient);
        Assert.Equal("the months present cannot separate the trend, the intervention and the month effects (the regression is rank-deficient)", TextCatalogue.English.Sentence(result.Shortfall!));
    }

    [Fact]
    public void Fit_GappySeasonalSeries_MatchesDenseLeastSquares()
    {
        // Months missing at random: the fit must equal a dense QR least-squares solution of the same design.
        var random = new Random(42);
        var observations = Enumerable.Range(0, 96)
            .Where(_ => random.NextDouble() > 0.2)
            .Select(i => new MonthlyObservation(Period.Month(2015, 1).AddMonths(i), 500 + (3 * i) + (40 * Math.Sin(i * Math.PI / 6)) + (i >= 60 ? -80 : 0) + (random.NextDouble() * 20)))
            .ToList();
        var series = MonthlySeries.Create(observations);

        var result = InterruptedTimeSeries.Fit(series, Period.Month(2020, 1)).Value;

        var months = Enumerable.Range(2, 11).Where(m => observations.Any(o => o.Month.MonthOfYear == m)).ToArray();
        var design = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(observations.Count, 4 + months.Length, (i, j) =>
        {
            var t = observations[i].Month.MonthsSince(observations[0].Month);
            var post = t >= 60 ? 1.0 : 0.0;
            return j switch { 0 => 1, 1 => t, 2 => post, 3 => (t - 60) * post, _ => observations[i].Month.MonthOfYear == months[j - 4] ? 1 : 0 };
        });
        var expected = design.QR().Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfEnumerable(observations.Select(o => o.Value)));
        Assert.Equal(expected.Count, result.Coefficients.Count);
        for (var j = 0; j < expected.Count; j++)
        {
            ReferenceData.AssertClose(expected[j], result.Coefficients[j], 1e-9, $"coefficient {j}");
        }
    }

    [Fact]
    public void Fit_PolicyMinimumsAndLag_AreRespected()
    {
        var series = ConsecutiveMonths.From(Period.Month(2022, 1), Enumerable.Range(0, 31).Select(i => (i * 1.5) + (i % 3)));

        var result = InterruptedTimeSeries.Fit(series, Period.Month(2024, 1), new InterruptedTimeSeriesOptions { MinimumAfter = 6, HacLag = 1 });

        Assert.Equal(1, result.Value.HacLag);
        Assert.Equal(7, result.Value.CountAfter);
    }

    [Theory]
    [InlineData(36, 3)]
    [InlineData(72, 3)]
    [InlineData(100, 4)]
    [InlineData(24, 2)]
    [InlineData(10, 2)]
    public void DefaultLag_NeweyWestRule_MatchesFloorFormula(int count, int expected) =>
        Assert.Equal(expected, NeweyWest.DefaultLag(count));

    public static TheoryData<string, int> ItsCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var entry in ReferenceData.GoldenSeries.Where(s => s.TryGetProperty("its", out _)))
        {
            for (var i = 0; i < entry.GetProperty("its").GetArrayLength(); i++)
            {
                data.Add(entry.GetProperty("name").GetString()!, i);
            }
        }

        return data;
    }
}
