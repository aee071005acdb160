namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>
/// Minimum lengths and the confidence level for the Mann-Kendall tests and Sen's slope. The evaluation
/// policy sets these; the defaults follow the literature cited on each property.
/// </summary>
public sealed record TrendOptions
{
    public static TrendOptions Default { get; } = new();

    /// <summary>
    /// Fewest values for the (non-seasonal) test and slope. Default 10: Gilbert (1987, ch. 16) uses the
    /// normal approximation of S from n = 10 upward and exact tables below; we do not carry the tables.
    /// </summary>
    public int MinimumValues { get; init; } = 10;

    /// <summary>
    /// Fewest values (years) a calendar month needs to count as covered in the seasonal test. Default 3:
    /// Hirsch, Slack and Smith (1982) found the normal approximation adequate from about three years of
    /// monthly data.
    /// </summary>
    public int MinimumValuesPerSeason { get; init; } = 3;

    /// <summary>Fewest calendar months that must be covered for the seasonal test. Default 12 (all).</summary>
    public int MinimumSeasons { get; init; } = 12;

    /// <summary>Two-sided confidence level of Sen's slope interval. Default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumValues, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumValuesPerSeason, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumSeasons, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinimumSeasons, 12);
        if (!(Confidence > 0 && Confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "The confidence level must lie strictly between 0 and 1.");
        }
    }
}
