using OutcomeLedger.Core.Evaluation;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// One series of an indicator: the values for one combination of dimensions (empty for the total), in period
/// order, with the statistics and the rating made from them.
/// </summary>
public sealed record ScorecardSeries
{
    public required IReadOnlyDictionary<string, string> Dimensions { get; init; }

    public required Rating Rating { get; init; }

    public required RatingReason Reason { get; init; }

    /// <summary>What the data says (the first axis): the rating before the confirmation gate; never UNVERIFIABLE.</summary>
    public Rating? Finding { get; init; }

    /// <summary>The assessment window the statistics and the confirmation are computed on.</summary>
    public ScorecardWindow? Window { get; init; }

    /// <summary>How much of the window is confirmed (the second axis).</summary>
    public ScorecardConfirmation? Confirmation { get; init; }

    /// <summary>What the series still needs before its rating can say more; empty when nothing.</summary>
    public IReadOnlyList<ScorecardNeed>? Needs { get; init; }

    /// <summary>Current values (corrections replace what they supersede).</summary>
    public required int Values { get; init; }

    /// <summary>Values whose status counts toward the trend ratings under the policy.</summary>
    public required int Counted { get; init; }

    /// <summary>Counted values acknowledged, verified or resolved.</summary>
    public required int Confirmed { get; init; }

    /// <summary>Values under an unresolved dispute.</summary>
    public required int Disputed { get; init; }

    public required ScorecardStatistics Statistics { get; init; }

    public required IReadOnlyList<ScorecardPoint> Points { get; init; }
}
