using OutcomeLedger.Core.Import;

namespace OutcomeLedger.Core.Tests.Import;

public class MonthPeriodTests
{
    [Theory]
    [InlineData("2025-03", 2025, 3)]
    [InlineData("1990-12", 1990, 12)]
    public void TryParse_YearDashMonth_Parses(string text, int year, int month)
    {
        Assert.True(MonthPeriod.TryParse(text, ImportOptions.Default, out var period, out _));
        Assert.Equal((year, month), (period.Year, period.Month));
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("2025-13", "not between 1 and 12")]
    [InlineData("2025-00", "not between 1 and 12")]
    [InlineData("1899-05", "plausible range")]
    [InlineData("2101-01", "plausible range")]
    [InlineData("2025-3", "yyyy-MM")]
    [InlineData("2025/03", "yyyy-MM")]
    [InlineData("25-03", "yyyy-MM")]
    [InlineData("2025-03-01", "yyyy-MM")]
    [InlineData("", "yyyy-MM")]
    public void TryParse_Invalid_SaysWhy(string text, string reason)
    {
        Assert.False(MonthPeriod.TryParse(text, ImportOptions.Default, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_YearAboveCallersBound_IsImplausible() =>
        Assert.False(MonthPeriod.TryCreate(2027, 1, ImportOptions.Default with { MaxYear = 2026 }, out _, out _));
}
