namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>Why an analysis could not be made; the numbers its sentence needs are in the <see cref="Shortfall"/>.</summary>
public enum ShortfallCode
{
    /// <summary>Fewer values than the Mann-Kendall test needs.</summary>
    TooFewForTrendTest,

    /// <summary>Fewer values than Sen's slope needs.</summary>
    TooFewForSensSlope,

    /// <summary>Too few calendar months with enough years of values for the seasonal test.</summary>
    TooFewSeasons,

    /// <summary>Fewer baseline values than the relative change needs.</summary>
    TooFewBaselineValues,

    /// <summary>Fewer values to compare with the baseline than the relative change needs.</summary>
    TooFewComparisonValues,

    /// <summary>The baseline mean is zero: a relative change is undefined.</summary>
    ZeroBaselineMean,

    /// <summary>The target's due date is not after the baseline date.</summary>
    DueNotAfterBaseline,

    /// <summary>The target equals the baseline: there is no path.</summary>
    TargetEqualsBaseline,

    /// <summary>Fewer monthly values before the intervention than the regression needs.</summary>
    TooFewBeforeIntervention,

    /// <summary>Fewer monthly values after the intervention than the regression needs.</summary>
    TooFewAfterIntervention,

    /// <summary>Too few monthly values for the regression's coefficients.</summary>
    TooFewForCoefficients,

    /// <summary>Too few monthly values for the Newey-West lag.</summary>
    TooFewForLag,

    /// <summary>The months present cannot separate the regression's terms.</summary>
    RankDeficient,

    /// <summary>No value counts under the policy.</summary>
    NoCountedValues,

    /// <summary>Both the projected trend and the pre-commitment mean are zero: no relative change can be stated.</summary>
    NoReferenceForChange,

    /// <summary>The latest window of months overlaps the baseline.</summary>
    ComparisonOverlapsBaseline,

    /// <summary>No baseline value, for the reason in <see cref="Shortfall.Inner"/>.</summary>
    NoBaselineValue,
}
