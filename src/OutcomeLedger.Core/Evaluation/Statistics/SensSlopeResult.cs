namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>
/// Sen's (1968) slope: the median of pairwise slopes, in value units per month, with its two-sided
/// confidence interval (Gilbert 1987 ch. 16; the ranks rounded to the nearest integer as scipy's theilslopes does).
/// </summary>
/// <param name="Slope">Median pairwise slope, per month.</param>
/// <param name="Intercept">median(y) − slope·median(t) at t = 0 (the first month), as Conover (1980); null for the seasonal slope.</param>
/// <param name="LowerBound">Lower confidence limit of the slope.</param>
/// <param name="UpperBound">Upper confidence limit of the slope.</param>
/// <param name="Confidence">Two-sided confidence level of the interval.</param>
/// <param name="PairCount">Number of pairwise slopes (N′).</param>
/// <param name="Seasonal">True for the seasonal slope (pairs within the same calendar month only).</param>
public sealed record SensSlopeResult(
    double Slope,
    double? Intercept,
    double LowerBound,
    double UpperBound,
    double Confidence,
    int PairCount,
    bool Seasonal)
{
    /// <summary>The slope expressed per year (12 months).</summary>
    public double SlopePerYear => Slope * 12;
}
