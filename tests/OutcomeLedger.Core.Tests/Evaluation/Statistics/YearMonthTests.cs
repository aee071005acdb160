using OutcomeLedger.Core.Evaluation.Statistics;

namespace OutcomeLedger.Core.Tests.Evaluation.Statistics;

public class YearMonthTests
{
    [Theory]
    [InlineData("2024-01", 2024, 1)]
    [InlineData("1999-12", 1999, 12)]
    public void TryParse_Valid_ReturnsMonth(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var value));
        Assert.Equal(new YearMonth(year, month), value);
        Assert.Equal(text, value.ToString());
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024-1")]
    [InlineData("2024/01")]
    [InlineData("+024-01")]
    [InlineData("0000-01")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Invalid_ReturnsFalse(string? text) => Assert.False(YearMonth.TryParse(text, out _));

    [Fact]
    public void MonthsSince_AcrossYears_CountsCalendarMonths()
    {
        Assert.Equal(14, new YearMonth(2025, 3).MonthsSince(new YearMonth(2024, 1)));
        Assert.Equal(new YearMonth(2025, 3), new YearMonth(2024, 1).AddMonths(14));
        Assert.Equal(new YearMonth(2023, 12), new YearMonth(2024, 1).AddMonths(-1));
    }
}
