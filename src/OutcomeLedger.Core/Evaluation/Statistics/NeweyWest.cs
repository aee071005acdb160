using MathNet.Numerics.LinearAlgebra;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>Newey-West (1987) heteroskedasticity- and autocorrelation-consistent covariance of OLS coefficients.</summary>
public static class NeweyWest
{
    /// <summary>The Newey-West (1994) automatic lag rule of thumb: floor(4·(n/100)^(2/9)).</summary>
    public static int DefaultLag(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return (int)Math.Floor(4 * Math.Pow(count / 100.0, 2.0 / 9.0));
    }

    /// <summary>
    /// (X′X)⁻¹ S (X′X)⁻¹ with S = Σ uᵢuᵢ′ + Σₗ wₗ Σᵢ (uᵢuᵢ₋ₗ′ + uᵢ₋ₗuᵢ′), uᵢ = xᵢeᵢ, Bartlett weights
    /// wₗ = 1 − l/(L + 1). Rows are taken as consecutive periods. Optionally scaled by n/(n − k).
    /// </summary>
    public static Matrix<double> Covariance(Matrix<double> design, Vector<double> residuals, Matrix<double> inverseGram, int lag, bool smallSampleCorrection)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(residuals);
        ArgumentNullException.ThrowIfNull(inverseGram);
        ArgumentOutOfRangeException.ThrowIfNegative(lag);
        var n = design.RowCount;
        var k = design.ColumnCount;
        if (residuals.Count != n)
        {
            throw new ArgumentException("One residual per design row is required.", nameof(residuals));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lag, n);
        var scores = design.Clone();
        for (var i = 0; i < n; i++)
        {
            scores.SetRow(i, design.Row(i) * residuals[i]);
        }

        var meat = scores.TransposeThisAndMultiply(scores);
        for (var l = 1; l <= lag; l++)
        {
            var weight = 1.0 - (l / (lag + 1.0));
            var current = scores.SubMatrix(l, n - l, 0, k);
            var lagged = scores.SubMatrix(0, n - l, 0, k);
            var cross = current.TransposeThisAndMultiply(lagged);
            meat += weight * (cross + cross.Transpose());
        }

        var covariance = inverseGram * meat * inverseGram;
        return smallSampleCorrection ? covariance * (n / (double)(n - k)) : covariance;
    }
}
