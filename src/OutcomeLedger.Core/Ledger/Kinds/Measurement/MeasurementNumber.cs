using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// The one parser of the numbers people and files give for measurements (and every other figure typed or imported):
/// the CLI's options, the CSV importers, the dashboard's forms. A number is stored exactly or refused, never rounded:
/// <c>decimal.TryParse</c> turns <c>1e-30</c> into 0, rounds a 34-digit value to 28 places and reads <c>5\0</c> as 5.
/// </summary>
/// <remarks>
/// Accepted: an optional sign, digits with an optional decimal point (digits on at least one side), an optional
/// exponent (<c>2.20462262e-05</c>, as CBP writes small seizures); no spaces, no digit grouping. Refused: a control
/// character anywhere, more than <see cref="MaxDecimalPlaces"/> decimal places once trailing zeros are dropped
/// (underflow), more than <see cref="MaxDigits"/> significant digits. Signed entries read by the API keep their own
/// stricter check (the canonical decimal string, which is exact by construction).
/// </remarks>
public static class MeasurementNumber
{
    /// <summary>Significant digits stored exactly (a <see cref="decimal"/> holds 28 in every case).</summary>
    public const int MaxDigits = 28;

    /// <summary>Decimal places stored exactly (a <see cref="decimal"/>'s largest scale).</summary>
    public const int MaxDecimalPlaces = 28;

    const int MaxLength = 200;

    /// <summary>Parses <paramref name="text"/> exactly, or says why it cannot be stored exactly.</summary>
    public static bool TryParse(string? text, out decimal value, [NotNullWhen(false)] out NumberProblem? problem)
    {
        value = 0;
        problem = null;
        text ??= "";
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]))
            {
                problem = new(NumberProblemCode.ControlCharacter, text, text[i], i + 1);
                return false;
            }
        }

        if (text.Length > MaxLength || !TrySplit(text, out var negative, out var digits, out var scale))
        {
            problem = new(NumberProblemCode.NotANumber, text);
            return false;
        }

        // value = digits × 10^-scale. Leading zeros say nothing; trailing zeros after the point neither.
        digits = digits.TrimStart('0');
        while (digits.Length > 0 && digits[^1] == '0' && scale > 0)
        {
            digits = digits[..^1];
            scale--;
        }

        if (digits.Length == 0)
        {
            return true;
        }

        if (scale < 0)
        {
            digits += new string('0', -scale);
            scale = 0;
        }

        if (scale > MaxDecimalPlaces)
        {
            problem = new(NumberProblemCode.TooManyDecimalPlaces, text, Count: scale);
            return false;
        }

        if (digits.Length > MaxDigits)
        {
            problem = new(NumberProblemCode.TooManyDigits, text, Count: digits.Length);
            return false;
        }

        var exact = new StringBuilder(digits.Length + 3);
        if (negative)
        {
            exact.Append('-');
        }

        if (scale == 0)
        {
            exact.Append(digits);
        }
        else
        {
            var padded = digits.PadLeft(scale + 1, '0');
            exact.Append(padded.AsSpan(0, padded.Length - scale)).Append('.').Append(padded.AsSpan(padded.Length - scale));
        }

        // At most 28 digits and 28 places: decimal holds it exactly.
        value = decimal.Parse(exact.ToString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return true;
    }

    // [sign] digits [. digits] [e [sign] digits], with digits on at least one side of the point.
    static bool TrySplit(string text, out bool negative, out string digits, out int scale)
    {
        negative = false;
        digits = "";
        scale = 0;
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }

        var whole = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var integer = text[whole..i];
        var fraction = "";
        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            fraction = text[start..i];
        }

        if (integer.Length + fraction.Length == 0)
        {
            return false;
        }

        var exponent = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            var sign = 1;
            if (i < text.Length && text[i] is '+' or '-')
            {
                sign = text[i] == '-' ? -1 : 1;
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            // An exponent beyond four digits cannot give a number a decimal holds; it is refused as too many digits or places.
            if (i == start || i - start > 4)
            {
                return i - start > 4 && i == text.Length && SplitHuge(sign, out scale, ref digits, integer + fraction);
            }

            exponent = sign * int.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (i != text.Length)
        {
            return false;
        }

        digits = integer + fraction;
        scale = fraction.Length - exponent;
        return true;
    }

    // 1e-99999 or 1e99999: a number, but far outside what is stored exactly.
    static bool SplitHuge(int sign, out int scale, ref string digits, string mantissa)
    {
        digits = mantissa.Trim('0').Length == 0 ? "" : "1";
        scale = sign < 0 ? MaxDecimalPlaces + 1 : -MaxDigits;
        return true;
    }
}
