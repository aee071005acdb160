using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Text;

/// <summary>Issue 12, Why 8: figures for people have three to four significant digits, or the precision logged.</summary>
public class FigureFormatTests
{
    [Theory]
    [InlineData("1497.2737539011978", "1,497")]
    [InlineData("3186.2235395496084999", "3,186")]
    [InlineData("584.3", "584.3")]
    [InlineData("584.31", "584.3")]
    [InlineData("12", "12")]
    [InlineData("12.00", "12")]
    [InlineData("0.012345", "0.01235")]
    [InlineData("71810.8", "71,811")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("0", "0")]
    public void Figure_LoggedValue_IsRoundedToFourSignificantDigitsAtMostAsPreciseAsLogged(string logged, string shown) =>
        Assert.Equal(shown, LocalFormat.English.Figure(decimal.Parse(logged, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(1497.2737539011978, "1,497")]
    [InlineData(40861.8, "40,862")]
    [InlineData(1.23456, "1.235")]
    [InlineData(0.000123456, "0.0001235")]
    public void Figure_ComputedValue_HasFourSignificantDigits(double value, string shown) =>
        Assert.Equal(shown, LocalFormat.English.Figure(value));

    [Fact]
    public void Figures_DifferentValuesThatRoundAlike_AreShownExactly()
    {
        Assert.Equal(("584.3", "584.31"), LocalFormat.English.Figures(584.3m, 584.31m));
        Assert.Equal(("1,497", "650"), LocalFormat.English.Figures(1497.2737m, 650m));
    }
}
