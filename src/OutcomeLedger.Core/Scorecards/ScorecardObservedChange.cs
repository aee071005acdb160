using OutcomeLedger.Core.Evaluation.Statistics;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The observed change against the baseline, the first evidence of a rating: the mean of the compared periods (the
/// latest up to twelve counted periods in the window after its start) against the baseline, in the indicator's unit
/// (<see cref="Change"/>) and in percent of the baseline, with the interval at the policy's confidence level.
/// </summary>
public sealed record ScorecardObservedChange
{
    /// <summary><c>stated-baseline</c>, <c>same-months</c> or <c>difference-of-means</c>.</summary>
    public required ObservedChangeMethod Method { get; init; }

    public required string BaselineFrom { get; init; }

    public required string BaselineTo { get; init; }

    /// <summary>The stated baseline, the mean of the counted baseline values, or (same months) of those in the compared calendar months.</summary>
    public required double BaselineMean { get; init; }

    /// <summary>The counted baseline values (0 when the baseline is stated).</summary>
    public required int BaselineCount { get; init; }

    /// <summary>The first compared period.</summary>
    public required string From { get; init; }

    /// <summary>The last compared period.</summary>
    public required string To { get; init; }

    /// <summary>The mean of the compared values.</summary>
    public required double Mean { get; init; }

    public required int Count { get; init; }

    /// <summary>The change in the indicator's unit.</summary>
    public required ScorecardEstimate Change { get; init; }

    public required double Percent { get; init; }

    public required double PercentLower { get; init; }

    public required double PercentUpper { get; init; }

    public required double Confidence { get; init; }
}
