using System.Globalization;

namespace OutcomeLedger.Core.Ledger;

/// <summary>A reporting period: a month "2025-03", a quarter "2025-Q1" or a year "2025".</summary>
public readonly record struct Period(PeriodType Type, int Year, int Number) : IComparable<Period>
{
    public static Period Month(int year, int month) => new(PeriodType.Month, year, month);

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (text is null)
        {
            return false;
        }

        if (text.Length == 7 && text[4] == '-' && TryYear(text.AsSpan(0, 4), out var year)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            period = Month(year, month);
            return true;
        }

        if (text.Length == 7 && text[4] == '-' && text[5] == 'Q' && TryYear(text.AsSpan(0, 4), out year) && text[6] is >= '1' and <= '4')
        {
            period = new Period(PeriodType.Quarter, year, text[6] - '0');
            return true;
        }

        if (text.Length == 4 && TryYear(text, out year))
        {
            period = new Period(PeriodType.Year, year, 1);
            return true;
        }

        return false;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period (YYYY-MM, YYYY-Qn or YYYY)");

    static bool TryYear(ReadOnlySpan<char> text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1900 and <= 2200;

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => Type switch
    {
        PeriodType.Month => new DateOnly(Year, Number, 1),
        PeriodType.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Type switch
    {
        PeriodType.Month => Start.AddMonths(1).AddDays(-1),
        PeriodType.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => Start.AddYears(1).AddDays(-1),
    };

    /// <summary>Months since year 0 for monthly periods: consecutive months differ by one.</summary>
    public int MonthOrdinal => (Year * 12) + (Start.Month - 1);

    public int CompareTo(Period other) => Start.CompareTo(other.Start) is var c and not 0 ? c : Type.CompareTo(other.Type);

    public override string ToString() => Type switch
    {
        PeriodType.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}"),
        PeriodType.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;
}
