using System.Text.Json.Serialization;
using OutcomeLedger.Core.Evaluation.Statistics;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The statistics behind a series' rating, computed on the values that count toward the trend. Each analysis is
/// either present or replaced by the shortfall that kept it from being made (insufficient data); in the JSON, the
/// shortfall's English sentence.
/// </summary>
public sealed record ScorecardStatistics
{
    /// <summary>The first period counted as after the commitment.</summary>
    public required string Intervention { get; init; }

    /// <summary>The observed change against the baseline over the assessment window: the first evidence of the rating.</summary>
    public ScorecardObservedChange? ObservedChange { get; init; }

    [JsonConverter(typeof(ShortfallJsonConverter))]
    public Shortfall? ObservedChangeInsufficient { get; init; }

    /// <summary>The change against the projected no-commitment trend: secondary evidence, never enough alone.</summary>
    public ScorecardSegmentedRegression? SegmentedRegression { get; init; }

    [JsonConverter(typeof(ShortfallJsonConverter))]
    public Shortfall? SegmentedRegressionInsufficient { get; init; }

    public ScorecardTrendTest? TrendTest { get; init; }

    [JsonConverter(typeof(ShortfallJsonConverter))]
    public Shortfall? TrendTestInsufficient { get; init; }

    public ScorecardRelativeChange? RelativeChange { get; init; }

    [JsonConverter(typeof(ShortfallJsonConverter))]
    public Shortfall? RelativeChangeInsufficient { get; init; }

    public ScorecardTargetPath? TargetPath { get; init; }
}
