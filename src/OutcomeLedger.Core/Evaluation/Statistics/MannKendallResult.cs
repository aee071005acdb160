namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>
/// A Mann-Kendall trend test (Mann 1945, Kendall 1975; formulas as Gilbert 1987 ch. 16), or its seasonal
/// form (Hirsch, Slack and Smith 1982) when <see cref="Seasons"/> is above 1.
/// </summary>
/// <param name="Count">Values used.</param>
/// <param name="Seasons">1 for the plain test; for the seasonal test, the calendar months with at least two values.</param>
/// <param name="S">Number of later-greater pairs minus later-smaller pairs (summed over seasons).</param>
/// <param name="VarianceS">Variance of S under no trend, corrected for tied values (summed over seasons).</param>
/// <param name="Z">Standardised S with the continuity correction: (S − 1)/σ, 0, or (S + 1)/σ.</param>
/// <param name="PValue">Two-sided p-value from the normal approximation.</param>
public sealed record MannKendallResult(int Count, int Seasons, long S, double VarianceS, double Z, double PValue)
{
    /// <summary>True when the two-sided p-value is below <paramref name="alpha"/> (a trend distinguishable from noise).</summary>
    public bool IsSignificant(double alpha = 0.05) => PValue < alpha;
}
