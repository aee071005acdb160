namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>Where a value stands on a target path at a date.</summary>
/// <param name="Date">The date of the value.</param>
/// <param name="Value">The observed value.</param>
/// <param name="Expected">The value the path expects at the date (the target after the due date, the baseline before the baseline date).</param>
/// <param name="Gap">Value − Expected.</param>
/// <param name="FractionAchieved">(Value − baseline) / (target − baseline): 0 at the baseline, 1 at the target, negative when moving away.</param>
/// <param name="FractionOfTimeElapsed">Share of the baseline-to-due period elapsed at the date, clamped to [0, 1].</param>
public sealed record TargetPathPosition(
    DateOnly Date,
    double Value,
    double Expected,
    double Gap,
    double FractionAchieved,
    double FractionOfTimeElapsed)
{
    /// <summary>True when at least as far along the way to the target as the path expects by now.</summary>
    public bool OnOrAheadOfPath => FractionAchieved >= FractionOfTimeElapsed;

    /// <summary>True when the value has reached or passed the target.</summary>
    public bool TargetReached => FractionAchieved >= 1;
}
