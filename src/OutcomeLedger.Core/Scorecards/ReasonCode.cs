namespace OutcomeLedger.Core.Scorecards;

/// <summary>Which sentence explains a rating; the numbers it needs are in the <see cref="RatingReason"/>.</summary>
public enum ReasonCode
{
    /// <summary>NOT_YET_ASSESSED: fewer counted values since the start of the assessment than the policy needs.</summary>
    TooEarly,

    /// <summary>UNVERIFIABLE: values are logged, but none counts under the policy.</summary>
    NoCountedValues,

    /// <summary>Schema 1 only (UNVERIFIABLE: too few counted values before the commitment); now <see cref="NoBaseline"/>.</summary>
    TooFewBefore,

    /// <summary>Schema 1 only (UNVERIFIABLE: too few counted values after the commitment); now <see cref="TooEarly"/>.</summary>
    TooFewAfter,

    /// <summary>NOT_YET_ASSESSED: the observed change cannot be computed honestly (the shortfall in <c>detail</c>).</summary>
    ModelInsufficient,

    /// <summary>STALLED: the interval of the observed change against the baseline includes zero.</summary>
    NoDistinguishableChange,

    /// <summary>REGRESSED: a change distinguishable from noise, the wrong way.</summary>
    WrongDirection,

    /// <summary>INCREMENTAL: the right way, but smaller than the policy's significant change.</summary>
    BelowThreshold,

    /// <summary>INCREMENTAL: the right way, but behind the path to the target.</summary>
    BehindTargetPath,

    /// <summary>ON_TRACK: a significant change, and no target to measure pace against.</summary>
    SignificantChange,

    /// <summary>ON_TRACK: a significant change, on or ahead of the target path.</summary>
    OnTargetPath,

    /// <summary>ON_TRACK: the target is reached, but not by values that count toward MET.</summary>
    TargetReachedUnconfirmed,

    /// <summary>MET: the target is reached by values that count toward MET.</summary>
    TargetReached,

    /// <summary>UNVERIFIABLE: the values in the window confirmed by others are fewer than the policy's share.</summary>
    TooFewConfirmed,

    /// <summary>UNVERIFIABLE: values in the assessment window are disputed and unresolved.</summary>
    UnresolvedDisputes,

    /// <summary>A commitment or a disaggregated indicator rated by its weakest part.</summary>
    RollupWorst,

    /// <summary>A commitment rated MET only when all its indicators are MET; partial delivery is INCREMENTAL.</summary>
    RollupAllMet,

    /// <summary>A commitment without indicators.</summary>
    NoIndicators,

    /// <summary>NOT_YET_ASSESSED: no stated baseline and too few counted values in the baseline periods.</summary>
    NoBaseline,
}
