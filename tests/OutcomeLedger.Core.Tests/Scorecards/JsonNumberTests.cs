using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Core.Tests.Scorecards;

public sealed class JsonNumberTests
{
    [Theory]
    [InlineData("1.5364e-08", "1.5364e-8")]
    [InlineData("1.5364e-08", "1.5364E-8")]
    [InlineData("1.5364e-08", "0.000000015364")]
    [InlineData("152.39657167611999", "1.5239657167611999e2")]
    [InlineData("100", "1e2")]
    [InlineData("100", "1.00E+2")]
    [InlineData("0", "-0")]
    [InlineData("0", "0.0e5")]
    [InlineData("-2.50", "-2.5")]
    [InlineData("12345678901234567890123456789012345678901234567890", "1.2345678901234567890123456789012345678901234567890e49")]
    [InlineData("1e400", "10e399")]
    public void ValueEquals_OneNumberWrittenTwoWays_True(string a, string b)
    {
        Assert.True(JsonNumber.ValueEquals(a, b));
        Assert.True(JsonNumber.ValueEquals(b, a));
    }

    [Theory]
    [InlineData("1.5364e-08", "1.5365e-08")]
    [InlineData("152.39657167611999", "152.4")]
    [InlineData("152.39657167611999", "152.39657167612")]
    [InlineData("1", "-1")]
    [InlineData("1e400", "1e401")]
    [InlineData("0.1", "0.10000000000000001")]
    [InlineData("12345678901234567890123456789012345678901234567890", "12345678901234567890123456789012345678901234567891")]
    public void ValueEquals_DifferentNumbers_False(string a, string b) => Assert.False(JsonNumber.ValueEquals(a, b));

    [Theory]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("+1")]
    [InlineData("NaN")]
    [InlineData("1 ")]
    public void ValueEquals_NotAJsonNumber_False(string text) => Assert.False(JsonNumber.ValueEquals(text, text));
}
