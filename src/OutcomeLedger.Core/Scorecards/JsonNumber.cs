using System.Numerics;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Exact equality of two JSON numbers by value (RFC 8259 §6): <c>1.5364e-08</c>, <c>1.5364E-8</c> and
/// <c>0.000000015364</c> are one number, and neither double rounding nor decimal's range decides it.
/// </summary>
internal static class JsonNumber
{
    /// <summary>Whether two JSON number texts are the same number; false when either is not a JSON number.</summary>
    public static bool ValueEquals(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return TryNormalise(a, out var x) && TryNormalise(b, out var y) && x == y;
    }

    /// <summary>The number as sign, significant digits (no leading or trailing zeros) and the power of ten of the last digit; zero has no sign.</summary>
    static bool TryNormalise(string text, out (bool Negative, string Digits, BigInteger Exponent) value)
    {
        value = default;
        var i = 0;
        var negative = i < text.Length && text[i] == '-';
        if (negative)
        {
            i++;
        }

        var integerStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var integer = text[integerStart..i];
        if (integer.Length == 0 || (integer.Length > 1 && integer[0] == '0'))
        {
            return false;
        }

        var fraction = "";
        if (i < text.Length && text[i] == '.')
        {
            var fractionStart = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            fraction = text[fractionStart..i];
            if (fraction.Length == 0)
            {
                return false;
            }
        }

        BigInteger exponent = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            var exponentNegative = false;
            if (i < text.Length && text[i] is '+' or '-')
            {
                exponentNegative = text[i] == '-';
                i++;
            }

            var exponentStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }

            exponent = BigInteger.Parse(text.AsSpan(exponentStart, i - exponentStart), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
            if (exponentNegative)
            {
                exponent = -exponent;
            }
        }

        if (i != text.Length)
        {
            return false;
        }

        var digits = (integer + fraction).TrimStart('0');
        exponent -= fraction.Length;
        var trimmed = digits.TrimEnd('0');
        exponent += digits.Length - trimmed.Length;
        value = trimmed.Length == 0 ? (false, "", BigInteger.Zero) : (negative, trimmed, exponent);
        return true;
    }
}
