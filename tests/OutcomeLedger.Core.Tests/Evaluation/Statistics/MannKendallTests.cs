using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Evaluation.Statistics;

public class MannKendallTests
{
    // Published worked example: US EPA, "Data Quality Assessment: Statistical Methods for Practitioners",
    // EPA QA/G-9S (EPA/240/B-06/003, February 2006), Mann-Kendall example: n = 11, S = 22, Var(S) = 155.33,
    // Z = 1.685. By hand: ties are four 10s and two 15s, Var(S) = (11·10·27 − 4·3·13 − 2·1·9)/18 = 2796/18.
    [Fact]
    public void Test_EpaG9sExample_MatchesPublishedValues()
    {
        double[] values = [10, 10, 10, 5, 10, 20, 18, 17, 15, 24, 15];

        var result = MannKendall.Test(values).Value;

        Assert.Equal(22, result.S);
        Assert.Equal(2796.0 / 18, result.VarianceS, 12);
        Assert.Equal(1.685, result.Z, 3);
        Assert.Equal(11, result.Count);
        Assert.False(result.IsSignificant(0.05));
    }

    [Theory]
    [MemberData(nameof(PlainNames))]
    public void Test_ReferenceSeries_MatchesScipyAndFormulas(string name)
    {
        var entry = ReferenceData.Golden(name);

        var result = MannKendall.Test(ReferenceData.Series(entry));

        ReferenceData.CompareMannKendall(entry.GetProperty("mannKendall"), result.Value);
    }

    [Theory]
    [MemberData(nameof(SeasonalNames))]
    public void Seasonal_ReferenceSeries_MatchesIndependentComputation(string name)
    {
        var entry = ReferenceData.Golden(name);

        var result = MannKendall.Seasonal(ReferenceData.Series(entry));

        ReferenceData.CompareMannKendall(entry.GetProperty("seasonalMannKendall"), result.Value);
    }

    [Fact]
    public void Test_ShortReferenceSeries_IsInsufficientWithReason()
    {
        var series = ReferenceData.Series(ReferenceData.Golden("short-8"));

        var result = MannKendall.Test(series);

        Assert.False(result.IsSufficient);
        Assert.Equal("only 8 values; the Mann-Kendall test needs at least 10", TextCatalogue.English.Sentence(result.Shortfall!));
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Test_MinimumFromPolicy_IsRespected()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8];

        var result = MannKendall.Test(values, new TrendOptions { MinimumValues = 8 });

        Assert.True(result.IsSufficient);
        Assert.Equal(28, result.Value.S);
    }

    [Fact]
    public void Test_ConstantSeries_ShowsNoTrend()
    {
        var values = Enumerable.Repeat(4.0, 15).ToArray();

        var result = MannKendall.Test(values).Value;

        Assert.Equal(0, result.S);
        Assert.Equal(0, result.VarianceS);
        Assert.Equal(0, result.Z);
        Assert.Equal(1, result.PValue);
    }

    [Fact]
    public void Test_DecreasingSeries_HasNegativeZWithContinuityCorrection()
    {
        var values = Enumerable.Range(0, 10).Select(i => 100.0 - i).ToArray();

        var result = MannKendall.Test(values).Value;

        // n = 10, no ties: S = −45, Var(S) = 10·9·25/18 = 125, Z = (S + 1)/√125.
        Assert.Equal(-45, result.S);
        Assert.Equal(125, result.VarianceS, 12);
        Assert.Equal(-44 / Math.Sqrt(125), result.Z, 12);
        Assert.True(result.IsSignificant());
    }

    [Fact]
    public void Seasonal_TwoYears_IsInsufficientNamingTheMonth()
    {
        var series = ConsecutiveMonths.From(Period.Month(2022, 1), Enumerable.Range(0, 24).Select(i => (double)i));

        var result = MannKendall.Seasonal(series);

        Assert.False(result.IsSufficient);
        Assert.Equal(
            "only 0 of 12 calendar months have at least 3 years of values (e.g. January has 2); the seasonal test needs 12",
            TextCatalogue.English.Sentence(result.Shortfall!));
    }

    [Fact]
    public void Seasonal_MissingMonthsWithLowerPolicyMinimum_UsesCoveredMonths()
    {
        var observations = Enumerable.Range(0, 48)
            .Select(i => new MonthlyObservation(Period.Month(2020, 1).AddMonths(i), i))
            .Where(o => o.Month.MonthOfYear != 7);
        var series = MonthlySeries.Create(observations);

        var strict = MannKendall.Seasonal(series);
        var lenient = MannKendall.Seasonal(series, new TrendOptions { MinimumSeasons = 11 });

        Assert.False(strict.IsSufficient);
        Assert.Equal(11, lenient.Value.Seasons);
        Assert.Equal(11 * 6, lenient.Value.S);
    }

    public static TheoryData<string> PlainNames() => ReferenceData.GoldenNames("mannKendall");

    public static TheoryData<string> SeasonalNames() => ReferenceData.GoldenNames("seasonalMannKendall");
}
