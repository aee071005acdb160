namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>
/// Cholesky factorisation A = LL′ of a small symmetric positive definite matrix held row-major in a span, and the
/// solves with it: the normal equations of the segmented regression (at most 15 × 15) without allocations. The loops
/// are plain and in a fixed order, so the results are the same bits on every processor.
/// </summary>
internal static class Cholesky
{
    /// <summary>
    /// A pivot at or below this fraction of its diagonal entry means the column is, up to rounding, a combination of
    /// the earlier ones: the angle between them is under about 10⁻⁵ radians, and the fit is rank-deficient.
    /// </summary>
    public const double RankTolerance = 1e-10;

    /// <summary>
    /// Factors the matrix in place from its lower triangle, which becomes L (the strict upper triangle is not read or
    /// written). False when the matrix is not positive definite to <see cref="RankTolerance"/>.
    /// </summary>
    public static bool TryFactor(Span<double> matrix, int order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        ArgumentOutOfRangeException.ThrowIfLessThan(matrix.Length, order * order);
        for (var j = 0; j < order; j++)
        {
            var row = matrix.Slice(j * order, order);
            var pivot = row[j];
            for (var p = 0; p < j; p++)
            {
                pivot -= row[p] * row[p];
            }

            // Also false for a zero column and for NaN.
            if (!(pivot > RankTolerance * row[j]))
            {
                return false;
            }

            var diagonal = Math.Sqrt(pivot);
            row[j] = diagonal;
            for (var i = j + 1; i < order; i++)
            {
                var below = matrix.Slice(i * order, order);
                var sum = below[j];
                for (var p = 0; p < j; p++)
                {
                    sum -= below[p] * row[p];
                }

                below[j] = sum / diagonal;
            }
        }

        return true;
    }

    /// <summary>Solves LL′x = b in place (<paramref name="vector"/> holds b, then x) with a factor from <see cref="TryFactor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> factor, int order, Span<double> vector)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor.Length, order * order);
        ArgumentOutOfRangeException.ThrowIfLessThan(vector.Length, order);
        for (var i = 0; i < order; i++)
        {
            var sum = vector[i];
            for (var p = 0; p < i; p++)
            {
                sum -= factor[(i * order) + p] * vector[p];
            }

            vector[i] = sum / factor[(i * order) + i];
        }

        for (var i = order - 1; i >= 0; i--)
        {
            var sum = vector[i];
            for (var p = i + 1; p < order; p++)
            {
                sum -= factor[(p * order) + i] * vector[p];
            }

            vector[i] = sum / factor[(i * order) + i];
        }
    }
}
