using System.Globalization;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// A reporting period: a month "2025-03", a quarter "2025-Q1" or a year "2025". The one period type from import through
/// the ledger (its JSON is the string <see cref="ToString"/> writes) into the evaluation and its statistics, whose
/// monthly series are series of monthly periods.
/// </summary>
public readonly record struct Period(PeriodType Type, int Year, int Number) : IComparable<Period>
{
    /// <summary>A calendar month; throws for a month outside 1..12 or a year outside 1..9999 (a bug, not bad input).</summary>
    public static Period Month(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new(PeriodType.Month, year, month);
    }

    /// <summary>
    /// Parses exactly <c>YYYY-MM</c> with any year from 0001 (a calendar month, as statistics of any series take it);
    /// <see cref="TryParse"/> is the ledger's, which also reads quarters and years and bounds the year.
    /// </summary>
    public static bool TryParseMonth(string? text, out Period month)
    {
        month = default;
        if (text is null || text.Length != 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 1 || number is < 1 or > 12)
        {
            return false;
        }

        month = Month(year, number);
        return true;
    }

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

    /// <summary>The calendar month (1..12) the period starts in: for a month, the month itself.</summary>
    public int MonthOfYear => Type switch
    {
        PeriodType.Month => Number,
        PeriodType.Quarter => ((Number - 1) * 3) + 1,
        _ => 1,
    };

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => new(Year, MonthOfYear, 1);

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Type switch
    {
        PeriodType.Month => Start.AddMonths(1).AddDays(-1),
        PeriodType.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => Start.AddYears(1).AddDays(-1),
    };

    /// <summary>Months from year 0 to the period's start: consecutive months differ by one.</summary>
    public int MonthOrdinal => (Year * 12) + (MonthOfYear - 1);

    /// <summary>Whole months from <paramref name="origin"/>'s start to this period's (negative when earlier).</summary>
    public int MonthsSince(Period origin) => MonthOrdinal - origin.MonthOrdinal;

    /// <summary>The month <paramref name="months"/> after this one (before it when negative); months only.</summary>
    public Period AddMonths(int months)
    {
        if (Type != PeriodType.Month)
        {
            throw new InvalidOperationException($"{this} is not a month");
        }

        var ordinal = MonthOrdinal + months;
        return Month(ordinal / 12, (ordinal % 12) + 1);
    }

    // By start, then month before quarter before year: the order of the periods' first days.
    public int CompareTo(Period other) => MonthOrdinal.CompareTo(other.MonthOrdinal) is var c and not 0 ? c : Type.CompareTo(other.Type);

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
