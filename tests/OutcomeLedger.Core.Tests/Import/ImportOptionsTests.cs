using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Import;

public class ImportOptionsTests
{
    [Theory]
    [InlineData("2025-03", 2025, 3)]
    [InlineData("1990-12", 1990, 12)]
    public void TryParseMonth_YearDashMonth_IsAMonthlyPeriod(string text, int year, int month)
    {
        Assert.True(ImportOptions.Default.TryParseMonth(text, out var period, out _));
        Assert.Equal(Period.Month(year, month), period);
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
    public void TryParseMonth_Invalid_SaysWhy(string text, string reason)
    {
        Assert.False(ImportOptions.Default.TryParseMonth(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMonth_YearAboveCallersBound_IsImplausible()
    {
        Assert.False((ImportOptions.Default with { MaxYear = 2026 }).TryMonth(2027, 1, out _, out var error));
        Assert.Equal("year 2027 is outside the plausible range 1990..2026", error);
    }
}
