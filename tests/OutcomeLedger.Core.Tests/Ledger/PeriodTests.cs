using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Ledger;

public class PeriodTests
{
    [Theory]
    [InlineData("2024-01", PeriodType.Month, 2024, 1)]
    [InlineData("1999-12", PeriodType.Month, 1999, 12)]
    [InlineData("2025-Q3", PeriodType.Quarter, 2025, 3)]
    [InlineData("2025", PeriodType.Year, 2025, 1)]
    public void TryParse_LedgerPeriod_RoundTripsItsString(string text, PeriodType type, int year, int number)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(new Period(type, year, number), period);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("1899-12")]
    [InlineData("2201-01")]
    [InlineData("2025-Q5")]
    [InlineData("2025-13")]
    [InlineData(null)]
    public void TryParse_OutsideTheLedgersPeriods_ReturnsFalse(string? text) => Assert.False(Period.TryParse(text, out _));

    [Theory]
    [InlineData("2024-01", 2024, 1)]
    [InlineData("1999-12", 1999, 12)]
    [InlineData("1000-03", 1000, 3)]
    public void TryParseMonth_Valid_ReturnsMonth(string text, int year, int month)
    {
        Assert.True(Period.TryParseMonth(text, out var value));
        Assert.Equal(Period.Month(year, month), value);
        Assert.Equal(text, value.ToString());
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024-1")]
    [InlineData("2024/01")]
    [InlineData("+024-01")]
    [InlineData("0000-01")]
    [InlineData("2024-Q1")]
    [InlineData("2024")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseMonth_Invalid_ReturnsFalse(string? text) => Assert.False(Period.TryParseMonth(text, out _));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10000, 1)]
    [InlineData(2024, 0)]
    [InlineData(2024, 13)]
    public void Month_OutOfRange_Throws(int year, int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(year, month));

    [Fact]
    public void MonthsSince_AcrossYears_CountsCalendarMonths()
    {
        Assert.Equal(14, Period.Month(2025, 3).MonthsSince(Period.Month(2024, 1)));
        Assert.Equal(Period.Month(2025, 3), Period.Month(2024, 1).AddMonths(14));
        Assert.Equal(Period.Month(2023, 12), Period.Month(2024, 1).AddMonths(-1));
    }

    [Fact]
    public void AddMonths_Quarter_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Period.Parse("2025-Q1").AddMonths(1));

    [Fact]
    public void CompareTo_OrdersByStartThenMonthBeforeQuarterBeforeYear()
    {
        var periods = new[] { "2025", "2025-Q2", "2024-12", "2025-01", "2025-Q1", "2025-04" }.Select(Period.Parse);

        Assert.Equal(["2024-12", "2025-01", "2025-Q1", "2025", "2025-04", "2025-Q2"], periods.Order().Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("2025-05", 5)]
    [InlineData("2025-Q3", 7)]
    [InlineData("2025", 1)]
    public void MonthOfYear_IsTheMonthThePeriodStartsIn(string text, int month) =>
        Assert.Equal(month, Period.Parse(text).MonthOfYear);
}
