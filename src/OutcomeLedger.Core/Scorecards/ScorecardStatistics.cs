namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The statistics behind a series' rating, computed on the values that count toward the trend. Each analysis is
/// either present or replaced by the plain reason it could not be made (insufficient data).
/// </summary>
public sealed record ScorecardStatistics
{
    /// <summary>The first period counted as after the commitment.</summary>
    public required string Intervention { get; init; }

    public ScorecardSegmentedRegression? SegmentedRegression { get; init; }

    public string? SegmentedRegressionInsufficient { get; init; }

    public ScorecardTrendTest? TrendTest { get; init; }

    public string? TrendTestInsufficient { get; init; }

    public ScorecardRelativeChange? RelativeChange { get; init; }

    public string? RelativeChangeInsufficient { get; init; }

    public ScorecardTargetPath? TargetPath { get; init; }
}
