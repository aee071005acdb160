namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Interrupted time series: y = b0 + b1·t + b2·post + b3·(t − t0)·post [+ month effects], Newey-West standard
/// errors; the change at the last period against the projected no-commitment trend.
/// </summary>
public sealed record ScorecardSegmentedRegression
{
    public required int Count { get; init; }

    public required int CountBefore { get; init; }

    public required int CountAfter { get; init; }

    public required bool MonthEffects { get; init; }

    public required int HacLag { get; init; }

    public required double Confidence { get; init; }

    public required ScorecardEstimate PreTrend { get; init; }

    public required ScorecardEstimate LevelChange { get; init; }

    public required ScorecardEstimate SlopeChange { get; init; }

    public required ScorecardEstimate ChangeAtLastPeriod { get; init; }

    public required double CounterfactualAtLastPeriod { get; init; }

    /// <summary>The change in percent of the projected value; null when that projection is not above zero.</summary>
    public ScorecardEstimate? PercentChangeAtLastPeriod { get; init; }
}
