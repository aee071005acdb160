namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>Newey-West (1987) heteroskedasticity- and autocorrelation-consistent variance of OLS estimates.</summary>
public static class NeweyWest
{
    /// <summary>The Newey-West (1994) automatic lag rule of thumb: floor(4·(n/100)^(2/9)).</summary>
    public static int DefaultLag(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return (int)Math.Floor(4 * Math.Pow(count / 100.0, 2.0 / 9.0));
    }

    /// <summary>
    /// Σ zᵢ² + 2 Σₗ wₗ Σᵢ zᵢzᵢ₋ₗ with Bartlett weights wₗ = 1 − l/(L + 1), rows taken as consecutive periods. With
    /// zᵢ = (a′(X′X)⁻¹xᵢ)·eᵢ this is a′(X′X)⁻¹ S (X′X)⁻¹a, the HAC variance of the combination a′b of the coefficients
    /// (S = Σ uᵢuᵢ′ + Σₗ wₗ Σᵢ (uᵢuᵢ₋ₗ′ + uᵢ₋ₗuᵢ′), uᵢ = xᵢeᵢ), without forming the k × k matrices.
    /// </summary>
    public static double Variance(ReadOnlySpan<double> scores, int lag)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lag);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lag, Math.Max(scores.Length, 1));
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            sum += scores[i] * scores[i];
        }

        for (var l = 1; l <= lag; l++)
        {
            var cross = 0.0;
            for (var i = l; i < scores.Length; i++)
            {
                cross += scores[i] * scores[i - l];
            }

            sum += 2 * (1.0 - (l / (lag + 1.0))) * cross;
        }

        return sum;
    }
}
