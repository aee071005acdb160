using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Evaluation.Statistics;

public class SensSlopeTests
{
    [Theory]
    [MemberData(nameof(PlainNames))]
    public void Estimate_ReferenceSeries_MatchesScipyTheilslopes(string name)
    {
        var entry = ReferenceData.Golden(name);

        var result = SensSlope.Estimate(ReferenceData.Series(entry));

        ReferenceData.CompareSen(entry.GetProperty("sen"), result.Value);
    }

    [Theory]
    [MemberData(nameof(SeasonalNames))]
    public void Seasonal_ReferenceSeries_MatchesIndependentComputation(string name)
    {
        var entry = ReferenceData.Golden(name);

        var result = SensSlope.Seasonal(ReferenceData.Series(entry));

        ReferenceData.CompareSen(entry.GetProperty("seasonalSen"), result.Value);
        Assert.Null(result.Value.Intercept);
        Assert.True(result.Value.Seasonal);
    }

    [Fact]
    public void Estimate_ExactLine_ReturnsItsSlopeAndIntercept()
    {
        var series = ConsecutiveMonths.From(Period.Month(2023, 1), Enumerable.Range(0, 12).Select(i => 50 - (2.5 * i)));

        var result = SensSlope.Estimate(series).Value;

        Assert.Equal(-2.5, result.Slope, 12);
        Assert.Equal(50, result.Intercept!.Value, 12);
        Assert.Equal(-2.5, result.LowerBound, 12);
        Assert.Equal(-2.5, result.UpperBound, 12);
        Assert.Equal(-30, result.SlopePerYear, 12);
        Assert.Equal(66, result.PairCount);
    }

    [Fact]
    public void Estimate_GapInMonths_UsesCalendarSpacing()
    {
        // Values on a line of slope 1 per month, with 2023-03..2023-05 missing: the gap must not be closed up.
        var observations = Enumerable.Range(0, 14)
            .Where(i => i is < 2 or > 4)
            .Select(i => new MonthlyObservation(Period.Month(2023, 1).AddMonths(i), i));

        var result = SensSlope.Estimate(MonthlySeries.Create(observations)).Value;

        Assert.Equal(1, result.Slope, 12);
    }

    [Fact]
    public void Estimate_TooFewValues_IsInsufficient()
    {
        var result = SensSlope.Estimate([0.0, 1, 2], [3.0, 4, 5]);

        Assert.Equal("only 3 values; Sen's slope needs at least 10", TextCatalogue.English.Sentence(result.Shortfall!));
    }

    [Fact]
    public void Estimate_TimesNotIncreasing_Throws() =>
        Assert.Throws<ArgumentException>(() => SensSlope.Estimate([0.0, 2, 1], [3.0, 4, 5]));

    public static TheoryData<string> PlainNames() => ReferenceData.GoldenNames("sen");

    public static TheoryData<string> SeasonalNames() => ReferenceData.GoldenNames("seasonalSen");
}
