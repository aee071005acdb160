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

    /// <summary>
    /// Number writes with the standard grouped format and drops trailing zeros, for speed; the text must stay what the
    /// custom "#,##0.##" pattern it replaced gives, for every magnitude and number of decimals (scorecards are compared by
    /// their bytes).
    /// </summary>
    [Fact]
    public void Number_WritesWhatTheCustomPatternWrote()
    {
        var random = new Random(20261204);
        var values = new List<double> { 0, -0.0, 0.5, -0.5, 1.005, 2.675, 0.285, 999.95, 1e15, -1e15, 123456789012345.6, 1234567890123456789, 1e-12, double.NaN, double.PositiveInfinity };
        for (var i = 0; i < 20_000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-13, 19));
            values.Add((random.NextDouble() - 0.3) * magnitude);
        }

        foreach (var value in values)
        {
            for (var decimals = 0; decimals <= 14; decimals++)
            {
                var pattern = decimals == 0 ? "#,##0" : "#,##0." + new string('#', decimals);
                var old = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString(pattern, System.Globalization.CultureInfo.InvariantCulture);
                var expected = old == "-0" ? "0" : old;
                Assert.True(expected == LocalFormat.English.Number(value, decimals), $"{value:R} with {decimals} decimals: expected {expected}, got {LocalFormat.English.Number(value, decimals)}");
            }
        }
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
