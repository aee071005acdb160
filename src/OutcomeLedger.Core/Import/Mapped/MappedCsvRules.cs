namespace OutcomeLedger.Core.Import.Mapped;

/// <summary>How the rows of a month are combined when a file has several (or dates for periods).</summary>
public enum MonthAggregate
{
    /// <summary>The rows are parts of the month's total.</summary>
    Sum,

    /// <summary>The month's latest row (by date, then by line): a running figure reported several times a month.</summary>
    Last,

    /// <summary>The number of rows: one row per event.</summary>
    Count,
}

/// <summary>What a mapped CSV may contain beyond one non-negative value per period and dimension values.</summary>
public sealed record MappedCsvRules
{
    public static MappedCsvRules Default { get; } = new();

    /// <summary>For changes or balances; counts and amounts are never negative.</summary>
    public bool AllowNegativeValues { get; init; }

    /// <summary>Sum rows with the same period and dimensions (the file lists parts of one total); otherwise such rows are errors.</summary>
    public bool SumDuplicates { get; init; }

    /// <summary>The period column holds days (yyyy-MM-dd); each row belongs to its calendar month.</summary>
    public bool PeriodFromDate { get; init; }

    /// <summary>How several rows of one month and series become its value; null: a second row is an error (unless <see cref="SumDuplicates"/>).</summary>
    public MonthAggregate? Aggregate { get; init; }

    /// <summary>
    /// The values are running totals since a fixed start: each month's value becomes its flow, the month's total less
    /// the previous month's, with both figures and their dates in the note. A month whose previous month has no figure,
    /// or whose total fell, carries no monthly flow and is listed as skipped, never guessed.
    /// </summary>
    public bool Cumulative { get; init; }

    /// <summary>Only rows whose column holds this exact value are read (column to value); other rows are another series, left out.</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();
}
