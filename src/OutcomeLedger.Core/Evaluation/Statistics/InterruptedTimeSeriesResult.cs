using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>
/// A segmented regression y = b0 + b1·t + b2·post + b3·(t − t0)·post [+ month effects], fitted by OLS
/// with Newey-West (HAC) standard errors. t counts months from the first value (0); t0 is the
/// intervention month, the first counted as after.
/// </summary>
public sealed record InterruptedTimeSeriesResult
{
    public required int Count { get; init; }

    public required int CountBefore { get; init; }

    public required int CountAfter { get; init; }

    public required Period Intervention { get; init; }

    public required Period LastMonth { get; init; }

    /// <summary>t0: months from the first value to the intervention.</summary>
    public required int InterventionTime { get; init; }

    /// <summary>T: months from the first value to the last.</summary>
    public required int LastTime { get; init; }

    /// <summary>Whether the 11 month indicators (January the reference) were in the model.</summary>
    public required bool MonthEffectsIncluded { get; init; }

    public required int HacLag { get; init; }

    public required bool SmallSampleCorrection { get; init; }

    public required IntervalDistribution Distribution { get; init; }

    public required double Confidence { get; init; }

    /// <summary>n − k.</summary>
    public required int ResidualDegreesOfFreedom { get; init; }

    /// <summary>b0: level at t = 0 (in January terms when month effects are included).</summary>
    public required Estimate Intercept { get; init; }

    /// <summary>b1: trend per month before the intervention.</summary>
    public required Estimate PreTrend { get; init; }

    /// <summary>b2: immediate level change at the intervention.</summary>
    public required Estimate LevelChange { get; init; }

    /// <summary>b3: change in the trend per month after the intervention.</summary>
    public required Estimate SlopeChange { get; init; }

    /// <summary>b2 + b3·(T − t0): the fitted value at the last month minus the projected no-commitment value there.</summary>
    public required Estimate ChangeAtLastPeriod { get; init; }

    /// <summary>The projected no-commitment value at the last month: b0 + b1·T (+ its month effect).</summary>
    public required double CounterfactualAtLastPeriod { get; init; }

    /// <summary>
    /// <see cref="ChangeAtLastPeriod"/> as a percentage of <see cref="CounterfactualAtLastPeriod"/>, with a
    /// delta-method standard error from the same HAC covariance; null when the counterfactual is zero
    /// (within 1e-9 of the largest |value|).
    /// A counterfactual at or below zero (a falling trend projected past zero) makes it meaningless; check it.
    /// </summary>
    public required Estimate? PercentChangeAtLastPeriod { get; init; }

    /// <summary>All coefficients in column order: b0, b1, b2, b3, then month effects Feb..Dec when included.</summary>
    public required IReadOnlyList<double> Coefficients { get; init; }
}
