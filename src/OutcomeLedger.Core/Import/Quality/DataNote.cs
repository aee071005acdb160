using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import.Quality;

/// <summary>
/// One thing a data-quality rule noticed, with the figures behind it (exact; people see them rounded). A note is a
/// prompt to check the source, not a finding that the value is wrong: a real change can look like an outlier.
/// </summary>
public sealed record DataNote
{
    public required DataNoteCode Code { get; init; }

    /// <summary>The series' dimensions (empty for the total).</summary>
    public required IReadOnlyDictionary<string, string> Dimensions { get; init; }

    /// <summary>The period noted: the value's, or a gap's first missing period.</summary>
    public required Period Period { get; init; }

    /// <summary>A gap's last missing period (the same as <see cref="Period"/> for a gap of one).</summary>
    public Period? Through { get; init; }

    /// <summary>The value noted (an outlier, a running total that fell, a repeated value).</summary>
    public decimal? Value { get; init; }

    /// <summary>A running total's value before it fell, and that value's period.</summary>
    public decimal? Previous { get; init; }

    public Period? PreviousPeriod { get; init; }

    /// <summary>An outlier's robust z-score: 0.6745 × (value − median) / MAD.</summary>
    public double? Score { get; init; }

    /// <summary>The median of the values an outlier was scored against.</summary>
    public decimal? Median { get; init; }

    /// <summary>Which values an outlier was scored against, and how many.</summary>
    public OutlierReference? Reference { get; init; }

    public int? ReferenceCount { get; init; }

    /// <summary>Where the value noted came from (for a gap, the value after it), when known.</summary>
    public string? File { get; init; }

    public int? Line { get; init; }

    /// <summary>For a repeated value, where its first occurrence came from.</summary>
    public string? FirstFile { get; init; }

    public int? FirstLine { get; init; }
}
