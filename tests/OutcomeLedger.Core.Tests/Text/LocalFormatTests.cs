using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Text;

public class LocalFormatTests
{
    [Theory]
    [InlineData(1234567.891, 1, "1,234,567.9")]
    [InlineData(-0.04, 1, "0")]
    [InlineData(12.5, 2, "12.5")]
    public void Number_GroupsThousandsWithMexicanAndEnglishSeparators(double value, int decimals, string expected)
    {
        Assert.Equal(expected, LocalFormat.English.Number(value, decimals));
        Assert.Equal(expected, LocalFormat.Spanish.Number(value, decimals));
    }

    [Theory]
    [InlineData("1234567.125", "1,234,567.125")]
    [InlineData("-1000", "-1,000")]
    [InlineData("999.50", "999.5")]
    public void Exact_KeepsEveryLoggedDigit(string value, string expected) =>
        Assert.Equal(expected, LocalFormat.English.Exact(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Date_IsWrittenInTheLanguage()
    {
        var date = new DateOnly(2026, 1, 15);

        Assert.Equal("15 Jan 2026", LocalFormat.English.Date(date));
        Assert.Equal("15 ene 2026", LocalFormat.Spanish.Date(date));
    }

    [Theory]
    [InlineData("2025-08", "Aug 2025", "ago 2025")]
    [InlineData("2025-Q3", "Q3 2025", "T3 2025")]
    [InlineData("2025", "2025", "2025")]
    public void Period_IsWrittenInTheLanguage(string period, string english, string spanish)
    {
        Assert.Equal(english, LocalFormat.English.Period(period));
        Assert.Equal(spanish, LocalFormat.Spanish.Period(period));
    }

    [Theory]
    [InlineData(27, "+27.0%")]
    [InlineData(-3.14, "-3.1%")]
    [InlineData(0.01, "0.0%")]
    public void SignedPercent_ShowsTheSignAndOneDecimal(double percent, string expected) =>
        Assert.Equal(expected, LocalFormat.English.SignedPercent(percent));

    [Fact]
    public void Share_DropsTrailingZeros() => Assert.Equal("12.5%", LocalFormat.Spanish.Share(12.5));
}
