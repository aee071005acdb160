using System.Globalization;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// Why <see cref="Text"/> cannot be stored exactly: a code and its numbers (the control character and its position,
/// the count of places or digits), so an interface words it in its language; <see cref="ToString"/> is the English
/// sentence the CLI and the importers' errors use.
/// </summary>
public sealed record NumberProblem(NumberProblemCode Code, string Text, char Character = '\0', int Position = 0, int Count = 0)
{
    /// <summary>The text as it may be shown: shortened, with control characters written as U+XXXX.</summary>
    public string Shown
    {
        get
        {
            var shown = string.Concat(Text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
            return shown.Length > 40 ? shown[..40] + "…" : shown;
        }
    }

    /// <summary>The character as U+XXXX.</summary>
    public string CharacterName => "U+" + ((int)Character).ToString("X4", CultureInfo.InvariantCulture);

    public override string ToString() => Code switch
    {
        NumberProblemCode.ControlCharacter => $"'{Shown}' holds a control character ({CharacterName}) at position {Position}: not a number",
        NumberProblemCode.TooManyDecimalPlaces => $"'{Shown}' has {Count} decimal places; at most {MeasurementNumber.MaxDecimalPlaces} are stored exactly, and it is not rounded",
        NumberProblemCode.TooManyDigits => $"'{Shown}' has {Count} significant digits; at most {MeasurementNumber.MaxDigits} are stored exactly, and it is not rounded",
        _ => $"'{Shown}' is not a number (digits, an optional sign, decimal point and exponent, e.g. 1017.25, -0.25 or 2.2e-05)",
    };
}
