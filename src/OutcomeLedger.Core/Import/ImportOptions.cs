using System.Globalization;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import;

/// <summary>
/// Bounds on untrusted input, and the years a period may plausibly name. The caller that knows the date
/// (from a <see cref="TimeProvider"/>) should set <see cref="MaxYear"/> to the current year.
/// </summary>
public sealed record ImportOptions
{
    public static ImportOptions Default { get; } = new();

    /// <summary>Largest file read, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest number of CSV records, the header included.</summary>
    public int MaxRecords { get; init; } = 1_000_000;

    /// <summary>Longest CSV field, in characters.</summary>
    public int MaxFieldLength { get; init; } = 16 * 1024;

    public int MinYear { get; init; } = 1990;

    public int MaxYear { get; init; } = 2100;

    /// <summary>A monthly <see cref="Period"/>, once the month is 1..12 and the year within the plausible range; else why not.</summary>
    public bool TryMonth(int year, int month, out Period period, out string error)
    {
        period = default;
        if (month is < 1 or > 12)
        {
            error = $"month {month} is not between 1 and 12";
            return false;
        }

        if (year < MinYear || year > MaxYear)
        {
            error = $"year {year} is outside the plausible range {MinYear}..{MaxYear}";
            return false;
        }

        period = Period.Month(year, month);
        error = "";
        return true;
    }

    /// <summary>Parses exactly <c>yyyy-MM</c> (four-digit year, two-digit month) into a plausible monthly <see cref="Period"/>; else says why not.</summary>
    public bool TryParseMonth(string text, out Period period, out string error)
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

        return TryMonth(year, month, out period, out error);
    }

    /// <summary>Throws for options no caller should pass (a bug, not bad input).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFileBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFieldLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinYear, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxYear, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxYear, 9999);
    }
}
