using System.Globalization;

namespace OutcomeLedger.Core.Import;

/// <summary>A calendar month, written <c>yyyy-MM</c>.</summary>
public readonly record struct MonthPeriod
{
    MonthPeriod(int year, int month) => (Year, Month) = (year, month);

    public int Year { get; }

    public int Month { get; }

    /// <summary>Checks the month is 1..12 and the year within the options' plausible range.</summary>
    public static bool TryCreate(int year, int month, ImportOptions options, out MonthPeriod period, out string error)
    {
        ArgumentNullException.ThrowIfNull(options);
        period = default;
        if (month is < 1 or > 12)
        {
            error = $"month {month} is not between 1 and 12";
            return false;
        }

        if (year < options.MinYear || year > options.MaxYear)
        {
            error = $"year {year} is outside the plausible range {options.MinYear}..{options.MaxYear}";
            return false;
        }

        period = new MonthPeriod(year, month);
        error = "";
        return true;
    }

    /// <summary>Parses exactly <c>yyyy-MM</c> (four-digit year, two-digit month).</summary>
    public static bool TryParse(string text, ImportOptions options, out MonthPeriod period, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        period = default;
        if (text.Length != 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month))
        {
            error = $"'{text}' is not a month written yyyy-MM";
            return false;
        }

        return TryCreate(year, month, options, out period, out error);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
