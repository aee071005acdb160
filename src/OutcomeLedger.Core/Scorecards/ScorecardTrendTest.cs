namespace OutcomeLedger.Core.Scorecards;

/// <summary>The robustness check: (seasonal) Mann-Kendall test with (seasonal) Sen's slope per month.</summary>
public sealed record ScorecardTrendTest
{
    public required bool Seasonal { get; init; }

    /// <summary>The first period of the values tested (the assessment window's first baseline period or later).</summary>
    public string? From { get; init; }

    /// <summary>The last period of the values tested.</summary>
    public string? To { get; init; }

    public required long S { get; init; }

    public required double Z { get; init; }

    public required double PValue { get; init; }

    public double? SensSlope { get; init; }

    public double? SensSlopeLower { get; init; }

    public double? SensSlopeUpper { get; init; }
}
