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
