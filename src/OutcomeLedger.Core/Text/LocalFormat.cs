using System.Globalization;
using System.Text;

namespace OutcomeLedger.Core.Text;

/// <summary>
/// Number and date formats of one <see cref="TextCatalogue"/>, written out because the build runs with invariant
/// globalization (no culture data): the separators, month abbreviations and quarter letter are the catalogue's.
/// Spanish follows Mexican conventions (es-MX): comma for thousands and point for decimals, as in English, with
/// Spanish month abbreviations and day-month-year dates; see docs/scorecard-schema.md.
/// </summary>
public sealed class LocalFormat
{
    public static LocalFormat English => TextCatalogue.English.Format;

    public static LocalFormat Spanish => TextCatalogue.Spanish.Format;

    readonly char _group;
    readonly char _decimal;
    readonly IReadOnlyList<string> _months;
    readonly string _quarter;

    internal LocalFormat(char group, char decimalPoint, IReadOnlyList<string> months, string quarter)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(months.Count, 12);
        _group = group;
        _decimal = decimalPoint;
        _months = months;
        _quarter = quarter;
    }

    public static LocalFormat For(ScorecardLanguage language) => TextCatalogue.For(language).Format;

    /// <summary>A number with grouped thousands and <paramref name="decimals"/> decimals at most (trailing zeros dropped).</summary>
    public string Number(double value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var text = decimals < GroupedFormats.Length && Math.Abs(rounded) < Limits[decimals] ? Grouped(rounded, decimals) : Custom(rounded, decimals);
        return Localize(text == "-0" ? "0" : text);
    }

    // "#,##0.##" reads a double to 15 significant digits, then rounds; the standard "N2" rounds the exact value. For a
    // value already rounded to its decimals, with at most 15 digits in all, both give the same text, and the standard
    // format is several times faster (a large scorecard formats a few hundred thousand figures).
    static readonly string[] GroupedFormats = [.. Enumerable.Range(0, 13).Select(d => "N" + d.ToString(CultureInfo.InvariantCulture))];
    static readonly double[] Limits = [.. Enumerable.Range(0, 13).Select(d => Math.Pow(10, 15 - d))];

    static string Grouped(double rounded, int decimals)
    {
        Span<char> text = stackalloc char[48];
        if (!rounded.TryFormat(text, out var length, GroupedFormats[decimals], CultureInfo.InvariantCulture))
        {
            return Custom(rounded, decimals);
        }

        var shown = text[..length];
        if (decimals > 0)
        {
            // "#" drops trailing zeros, and the point with them.
            shown = shown.TrimEnd('0');
            if (shown[^1] == '.')
            {
                shown = shown[..^1];
            }
        }

        return new string(shown);
    }

    static string Custom(double rounded, int decimals) =>
        rounded.ToString(decimals == 0 ? "#,##0" : "#,##0." + new string('#', decimals), CultureInfo.InvariantCulture);

    /// <summary>A measured value with precision by magnitude: 12,345 · 123.4 · 1.23.</summary>
    public string Value(double value)
    {
        var magnitude = Math.Abs(value);
        return Number(value, magnitude >= 1000 ? 0 : magnitude >= 10 ? 1 : 2);
    }

    /// <summary>
    /// A figure for people: four significant digits, whole numbers from 1,000 up (1,497 · 584.3 · 12.35 · 0.01235);
    /// figures stay exact in the JSON.
    /// </summary>
    public string Figure(double value) => Number(value, FigureDecimals(value));

    /// <summary>
    /// A logged figure for people: as <see cref="Figure(double)"/>, never with more decimals than were logged (the
    /// source's stated precision): 1497.2737539011978 is 1,497, 584.3 stays 584.3, 12 stays 12.
    /// </summary>
    public string Figure(decimal value)
    {
        var logged = (value.Scale > 0 ? value / 1.0000000000000000000000000000m : value).Scale;
        return Number((double)value, Math.Min(logged, FigureDecimals((double)value)));
    }

    /// <summary>
    /// Two logged figures shown side by side (a reported and a disputed one): rounded as <see cref="Figure(decimal)"/>
    /// unless rounding would make different figures look the same, then both exactly as logged.
    /// </summary>
    public (string First, string Second) Figures(decimal first, decimal second)
    {
        var (a, b) = (Figure(first), Figure(second));
        return first != second && a == b ? (Exact(first), Exact(second)) : (a, b);
    }

    static int FigureDecimals(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude >= 1000 || magnitude == 0 || !double.IsFinite(magnitude))
        {
            return 0;
        }

        return Math.Clamp(3 - (int)Math.Floor(Math.Log10(magnitude)), 0, 12);
    }

    /// <summary>A logged figure exactly as logged, with grouped thousands.</summary>
    public string Exact(decimal value)
    {
        // decimal's invariant form has at most 29 digits, a sign and a point; grouping adds at most 9 separators.
        Span<char> text = stackalloc char[32];
        if (!value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a decimal's invariant form is longer than 32 characters");
        }

        text = text[..length];
        if (text.Contains('.'))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        var negative = text[0] == '-';
        var digits = negative ? text[1..] : text;
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        Span<char> grouped = stackalloc char[48];
        var written = 0;
        if (negative)
        {
            grouped[written++] = '-';
        }

        for (var i = 0; i < whole.Length; i++)
        {
            if (i > 0 && (whole.Length - i) % 3 == 0)
            {
                grouped[written++] = _group;
            }

            grouped[written++] = whole[i];
        }

        if (point >= 0)
        {
            grouped[written++] = _decimal;
            digits[(point + 1)..].CopyTo(grouped[written..]);
            written += digits.Length - point - 1;
        }

        return new string(grouped[..written]);
    }

    /// <summary>A number with exactly <paramref name="decimals"/> decimals: 27.0.</summary>
    public string Fixed(double value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var pattern = decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals);
        var text = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString(pattern, CultureInfo.InvariantCulture);
        return Localize(text.TrimStart('-').All(c => c is '0' or '.' or ',') ? text.TrimStart('-') : text);
    }

    /// <summary>A measured percentage with one decimal: 12.3%, 27.0%.</summary>
    public string Percent(double percent) => Fixed(percent, 1) + "%";

    /// <summary>A policy's percentage as agreed, without trailing zeros: 10%, 12.5%.</summary>
    public string Share(double percent) => Number(percent, 2) + "%";

    /// <summary>A percentage with its sign: +12.3% or -4.0%.</summary>
    public string SignedPercent(double percent)
    {
        var text = Percent(percent);
        return percent > 0 && text != Percent(0) ? "+" + text : text;
    }

    /// <summary>15 Jan 2026 / 15 ene 2026.</summary>
    public string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day} {_months[date.Month - 1]} {date.Year}");

    /// <summary>A period as logged ("2025-03", "2025-Q1", "2025") in words: Mar 2025 / mar 2025, Q1 2025 / T1 2025.</summary>
    public string Period(string period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Length == 7 && period[5] == 'Q')
        {
            return $"{_quarter}{period[6]} {period[..4]}";
        }

        if (period.Length == 7 && int.TryParse(period.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            return $"{_months[month - 1]} {period[..4]}";
        }

        return period;
    }

    string Localize(string invariant)
    {
        if (_group == ',' && _decimal == '.')
        {
            return invariant;
        }

        var text = new StringBuilder(invariant.Length);
        foreach (var c in invariant)
        {
            text.Append(c switch { ',' => _group, '.' => _decimal, _ => c });
        }

        return text.ToString();
    }
}
