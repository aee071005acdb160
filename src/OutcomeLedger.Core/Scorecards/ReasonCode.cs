namespace OutcomeLedger.Core.Scorecards;

/// <summary>Which sentence explains a rating; the numbers it needs are in the <see cref="RatingReason"/>.</summary>
public enum ReasonCode
{
    /// <summary>NOT_YET_ASSESSED: fewer months have passed since the commitment than the policy needs.</summary>
    TooEarly,

    /// <summary>UNVERIFIABLE: no value is logged, or none counts under the policy.</summary>
    NoCountedValues,

    /// <summary>UNVERIFIABLE: too few counted values before the commitment for a trend to compare with.</summary>
    TooFewBefore,

    /// <summary>UNVERIFIABLE: time has passed but too few counted values after the commitment.</summary>
    TooFewAfter,

    /// <summary>UNVERIFIABLE: the regression cannot be fitted honestly (detail in English).</summary>
    ModelInsufficient,

    /// <summary>STALLED: the interval of the change includes zero.</summary>
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

    /// <summary>UNVERIFIABLE: the counted values confirmed by others are fewer than the policy's share.</summary>
    TooFewConfirmed,

    /// <summary>UNVERIFIABLE: values after the commitment are disputed and unresolved.</summary>
    UnresolvedDisputes,

    /// <summary>A commitment or a disaggregated indicator rated by its weakest part.</summary>
    RollupWorst,

    /// <summary>A commitment rated MET only when all its indicators are MET; partial delivery is INCREMENTAL.</summary>
    RollupAllMet,

    /// <summary>A commitment without indicators.</summary>
    NoIndicators,
}
