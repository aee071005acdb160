namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>Settings of the interrupted time series regression; the evaluation policy sets them.</summary>
public sealed record InterruptedTimeSeriesOptions
{
    public static InterruptedTimeSeriesOptions Default { get; } = new();

    /// <summary>Whether the series has a yearly season (adds month effects when long enough). Default true.</summary>
    public bool Seasonal { get; init; } = true;

    /// <summary>Fewest monthly values before the intervention. Default 12: one full year, so the pre-trend is not a season.</summary>
    public int MinimumBefore { get; init; } = 12;

    /// <summary>Fewest monthly values from the intervention on. Default 12: one full year of results.</summary>
    public int MinimumAfter { get; init; } = 12;

    /// <summary>
    /// Fewest values for month effects (11 indicator columns) to be estimated. Default 24: two values of
    /// each calendar month; with fewer, the 15-column model leaves too few degrees of freedom.
    /// </summary>
    public int MinimumForMonthEffects { get; init; } = 24;

    /// <summary>Fewest residual degrees of freedom (n − k) accepted. Default 5.</summary>
    public int MinimumResidualDegreesOfFreedom { get; init; } = 5;

    /// <summary>Newey-West lag; null for the Newey-West (1994) rule floor(4·(n/100)^(2/9)).</summary>
    public int? HacLag { get; init; }

    /// <summary>Multiply the HAC covariance by n/(n − k). Default true (as Stata's <c>newey</c>; statsmodels' <c>use_correction</c>).</summary>
    public bool SmallSampleCorrection { get; init; } = true;

    /// <summary>Distribution for intervals and p-values. Default Student's t with n − k degrees of freedom.</summary>
    public IntervalDistribution Distribution { get; init; } = IntervalDistribution.StudentT;

    /// <summary>Two-sided confidence level. Default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumBefore, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumAfter, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumForMonthEffects, 13);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumResidualDegreesOfFreedom, 1);
        if (HacLag is { } lag)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(lag, nameof(HacLag));
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "The confidence level must lie strictly between 0 and 1.");
        }
    }
}
