using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Csv;

namespace OutcomeLedger.Core.Tests.Import.Csv;

public class CsvRowTests
{
    static (CsvRow Row, List<ImportError> Errors) Row(string value)
    {
        var errors = new List<ImportError>();
        var row = new CsvRow("f.csv", 7, [value], new Dictionary<string, int> { ["v"] = 0 }, errors);
        return (row, errors);
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("0.5", 0.5)]
    [InlineData("-3.25", -3.25)]
    [InlineData("2.20462262e-05", 0.0000220462262)]
    [InlineData("+7", 7)]
    public void Decimal_InvariantNumbers_Parse(string text, double expected)
    {
        var (row, errors) = Row(text);

        Assert.Equal((decimal)expected, row.Decimal("v", allowNegative: true));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("1,234")]
    [InlineData("1 234")]
    [InlineData("12,5")]
    [InlineData(" 12")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("")]
    public void Decimal_NotInvariantNumber_IsAnErrorNamingLineAndColumn(string text)
    {
        var (row, errors) = Row(text);

        Assert.Null(row.Decimal("v", allowNegative: true));
        var error = Assert.Single(errors);
        Assert.Equal(("f.csv", 7, "v"), (error.File, error.Line, error.Column));
        Assert.True(row.HasErrors);
    }

    // Issue 12, Why 9: numbers changed silently on the way in (1e-30 became 0, 34 digits were rounded, "5\0" read as 5).
    [Theory]
    [InlineData("1e-30", "has 30 decimal places")]
    [InlineData("1234567890.123456789012345678901234", "has 34 significant digits")]
    [InlineData("5\0", "control character (U+0000) at position 2")]
    public void Decimal_ValueThatCannotBeStoredExactly_IsAnErrorNamingLineAndColumn(string text, string message)
    {
        var (row, errors) = Row(text);

        Assert.Null(row.Decimal("v", allowNegative: true));
        var error = Assert.Single(errors);
        Assert.Equal(("f.csv", 7, "v"), (error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_NegativeWhereMeaningless_IsAnError()
    {
        var (row, errors) = Row("-1.5");

        Assert.Null(row.Decimal("v", allowNegative: false));
        Assert.Contains("negative", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-2", "negative")]
    [InlineData("2.5", "not a whole number")]
    [InlineData("1e3", "not a whole number")]
    public void Count_NotANonNegativeWholeNumber_IsAnError(string text, string message)
    {
        var (row, errors) = Row(text);

        Assert.Null(row.Count("v"));
        Assert.Contains(message, Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-2-3")]
    [InlineData("03/02/2025")]
    [InlineData("1850-01-01")]
    public void Date_InvalidOrImplausible_IsAnError(string text)
    {
        var (row, errors) = Row(text);

        Assert.Null(row.Date("v", ImportOptions.Default));
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("/relative/path")]
    [InlineData("")]
    public void WebAddress_NotAbsoluteHttp_IsAnError(string text)
    {
        var (row, errors) = Row(text);

        Assert.Null(row.WebAddress("v"));
        Assert.Single(errors);
    }

    [Fact]
    public void Shorten_LongText_IsCutForMessages() =>
        Assert.Equal(60, CsvRow.Shorten(new string('x', 500)).Length);
}
