using System.Globalization;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>A calendar month, the period of a monthly series.</summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    public YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    /// <summary>1 (January) to 12 (December).</summary>
    public int Month { get; }

    /// <summary>Months since 0001-01; differences of this give month counts.</summary>
    public int Ordinal => ((Year - 1) * 12) + (Month - 1);

    /// <summary>Whole months from <paramref name="origin"/> to this month (negative when earlier).</summary>
    public int MonthsSince(YearMonth origin) => Ordinal - origin.Ordinal;

    public YearMonth AddMonths(int months)
    {
        var ordinal = Ordinal + months;
        return new YearMonth((ordinal / 12) + 1, (ordinal % 12) + 1);
    }

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>Parses "YYYY-MM" exactly; returns false for anything else.</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (text is null || text.Length != 7 || text[4] != '-')
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year < 1 || month < 1 || month > 12)
        {
            return false;
        }

        value = new YearMonth(year, month);
        return true;
    }

    public int CompareTo(YearMonth other) => Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(YearMonth left, YearMonth right) => left.Ordinal < right.Ordinal;

    public static bool operator >(YearMonth left, YearMonth right) => left.Ordinal > right.Ordinal;

    public static bool operator <=(YearMonth left, YearMonth right) => left.Ordinal <= right.Ordinal;

    public static bool operator >=(YearMonth left, YearMonth right) => left.Ordinal >= right.Ordinal;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
