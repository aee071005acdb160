namespace OutcomeLedger.Core.Scorecards;

/// <summary>What a rating still needs before it can say more (<see cref="ScorecardNeed"/>).</summary>
public enum NeedCode
{
    /// <summary>More counted values after the start of the assessment.</summary>
    MoreData,

    /// <summary>A baseline: a stated one, or counted values in the baseline periods.</summary>
    Baseline,

    /// <summary>The counterparty's acknowledgement (or a verifier's verification) of values in the window.</summary>
    Acknowledgement,

    /// <summary>Open disputes resolved.</summary>
    DisputeResolution,

    /// <summary>
    /// Current data: nothing has been logged after <see cref="ScorecardNeed.From"/>, though the next value was due by
    /// <see cref="ScorecardNeed.ExpectedBy"/>, before the "as of" date. The figures are not current.
    /// </summary>
    CurrentData,
}
