using System.Globalization;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Ledger;

public class MeasurementNumberTests
{
    [Theory]
    [InlineData("12", "12")]
    [InlineData("-3.25", "-3.25")]
    [InlineData("+7", "7")]
    [InlineData("12.50", "12.5")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("2.20462262e-05", "0.0000220462262")]
    [InlineData("1.5E3", "1500")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("1e-28", "0.0000000000000000000000000001")]
    [InlineData("1234567890123456789012345678", "1234567890123456789012345678")]
    [InlineData("0.1234567890123456789012345678", "0.1234567890123456789012345678")]
    [InlineData("0e-99", "0")]
    [InlineData("-0", "0")]
    [InlineData("000123.4500", "123.45")]
    public void TryParse_ExactNumber_IsStoredExactly(string text, string exact)
    {
        Assert.True(MeasurementNumber.TryParse(text, out var value, out var problem), problem?.ToString());
        Assert.Equal(decimal.Parse(exact, CultureInfo.InvariantCulture), value);
    }

    // Issue 12, Why 9: 1e-30 was recorded as 0, and "corrected" a real value to 0.
    [Theory]
    [InlineData("1e-30", 30)]
    [InlineData("0.00000000000000000000000000001", 29)]
    [InlineData("1.00000000000000000000000000001", 29)]
    public void TryParse_Underflow_IsRefusedNotRounded(string text, int places)
    {
        Assert.False(MeasurementNumber.TryParse(text, out _, out var problem));
        Assert.Equal((NumberProblemCode.TooManyDecimalPlaces, places), (problem.Code, problem.Count));
        Assert.Contains($"has {places} decimal places; at most 28 are stored exactly", problem.ToString(), StringComparison.Ordinal);
    }

    // Issue 12, Why 9: a 34-digit value was rounded to 28 digits.
    [Theory]
    [InlineData("1234567890.123456789012345678901234", 34)]
    [InlineData("79228162514264337593543950335", 29)]
    [InlineData("1e30", 31)]
    public void TryParse_MoreThan28SignificantDigits_IsRefusedNotRounded(string text, int digits)
    {
        Assert.False(MeasurementNumber.TryParse(text, out _, out var problem));
        Assert.Equal((NumberProblemCode.TooManyDigits, digits), (problem.Code, problem.Count));
    }

    // Issue 12, Why 9: "5\0" was read as 5.
    [Theory]
    [InlineData("5\0", 2, 0)]
    [InlineData("\u00015", 1, 1)]
    [InlineData("5\t", 2, 9)]
    [InlineData("1\n2", 2, 10)]
    public void TryParse_ControlCharacter_IsRefusedNamingItAndItsPosition(string text, int position, int character)
    {
        Assert.False(MeasurementNumber.TryParse(text, out _, out var problem));
        Assert.Equal((NumberProblemCode.ControlCharacter, position, (char)character), (problem.Code, problem.Position, problem.Character));
        Assert.Contains($"control character (U+{character:X4}) at position {position}", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\0', problem.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,234")]
    [InlineData("1 234")]
    [InlineData(" 12")]
    [InlineData("12 ")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("--1")]
    [InlineData("0x10")]
    [InlineData("1.2.3")]
    public void TryParse_NotANumber_IsRefused(string text)
    {
        Assert.False(MeasurementNumber.TryParse(text, out _, out var problem));
        Assert.Equal(NumberProblemCode.NotANumber, problem.Code);
    }

    [Theory]
    [InlineData("1e-99999")]
    [InlineData("1e99999")]
    public void TryParse_HugeExponent_IsRefused(string text) =>
        Assert.False(MeasurementNumber.TryParse(text, out _, out _));
}
