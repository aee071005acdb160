namespace OutcomeLedger.Core.Import.Mapped;

/// <summary>What a mapped CSV may contain beyond one non-negative value per period and dimension values.</summary>
public sealed record MappedCsvRules
{
    public static MappedCsvRules Default { get; } = new();

    /// <summary>For changes or balances; counts and amounts are never negative.</summary>
    public bool AllowNegativeValues { get; init; }

    /// <summary>Sum rows with the same period and dimensions (the file lists parts of one total); otherwise such rows are errors.</summary>
    public bool SumDuplicates { get; init; }
}
