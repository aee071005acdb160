using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Evaluation.Statistics;

public class MonthlySeriesTests
{
    [Fact]
    public void Create_Unordered_SortsAndKeepsGapsInTimes()
    {
        var series = MonthlySeries.Create(
        [
            new(Period.Month(2024, 4), 3),
            new(Period.Month(2024, 1), 1),
            new(Period.Month(2024, 2), 2),
        ]);

        Assert.Equal([1.0, 2, 3], series.Values());
        Assert.Equal([0.0, 1, 3], series.Times());
        Assert.Equal(Period.Month(2024, 4), series.Last);
    }

    [Fact]
    public void Create_DuplicateMonth_Throws() =>
        Assert.Throws<ArgumentException>(() => MonthlySeries.Create([new(Period.Month(2024, 1), 1), new(Period.Month(2024, 1), 2)]));

    [Fact]
    public void Create_NaN_Throws() =>
        Assert.Throws<ArgumentException>(() => MonthlySeries.Create([new(Period.Month(2024, 1), double.NaN)]));

    [Fact]
    public void Create_Quarter_Throws() =>
        Assert.Throws<ArgumentException>(() => MonthlySeries.Create([new(Period.Parse("2024-Q1"), 1)]));
}
