using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Evaluation.Statistics;

public class RelativeChangeTests
{
    [Fact]
    public void Compute_FallFromBaseline_IsNegativeFraction()
    {
        var result = RelativeChange.Compute([100.0, 120, 80], [75.0, 75]).Value;

        Assert.Equal(100, result.BaselineMean, 12);
        Assert.Equal(75, result.ComparisonMean, 12);
        Assert.Equal(-25, result.AbsoluteChange, 12);
        Assert.Equal(-0.25, result.Relative, 12);
        Assert.Equal(-25, result.Percent, 12);
        Assert.Equal(3, result.BaselineCount);
        Assert.Equal(2, result.ComparisonCount);
    }

    [Fact]
    public void Compute_NegativeBaseline_DividesByMagnitude()
    {
        var result = RelativeChange.Compute([-10.0], [-5.0]).Value;

        Assert.Equal(0.5, result.Relative, 12);
    }

    [Fact]
    public void Compute_ZeroBaseline_IsInsufficient()
    {
        var result = RelativeChange.Compute([0.0, 0], [3.0]);

        Assert.Equal("the baseline mean is zero, so a relative change is undefined", TextCatalogue.English.Sentence(result.Shortfall!));
    }

    [Fact]
    public void Compute_ShortBaselineUnderPolicy_IsInsufficient()
    {
        var result = RelativeChange.Compute([1.0, 2, 3], [3.0], minimumBaseline: 12);

        Assert.Equal("only 3 baseline values; at least 12 are needed", TextCatalogue.English.Sentence(result.Shortfall!));
    }

    [Fact]
    public void Compute_NoComparisonValues_IsInsufficientInSingular()
    {
        var result = RelativeChange.Compute([1.0], [], minimumComparison: 1);

        Assert.Equal("only 0 values to compare with the baseline; at least 1 is needed", TextCatalogue.English.Sentence(result.Shortfall!));
    }

    [Fact]
    public void Compute_MonthRanges_SelectsInclusiveMonths()
    {
        var series = ConsecutiveMonths.From(Period.Month(2023, 1), Enumerable.Range(1, 24).Select(i => (double)i));

        var result = RelativeChange.Compute(
            series, Period.Month(2023, 1), Period.Month(2023, 12), Period.Month(2024, 1), Period.Month(2024, 12), 12, 12).Value;

        Assert.Equal(6.5, result.BaselineMean, 12);
        Assert.Equal(18.5, result.ComparisonMean, 12);
        Assert.Equal(12 / 6.5, result.Relative, 12);
    }
}
