using MathNet.Numerics.LinearAlgebra;
using OutcomeLedger.Core.Evaluation.Statistics;

namespace OutcomeLedger.Core.Tests.Evaluation.Statistics;

public class CholeskyTests
{
    [Fact]
    public void TryFactor_SmallMatrix_GivesLowerFactorAndSolves()
    {
        // [4 2; 2 3] = LL′ with L = [2 0; 1 √2]; the strict upper triangle is neither read nor written.
        double[] matrix = [4, -99, 2, 3];

        Assert.True(Cholesky.TryFactor(matrix, 2));
        Assert.Equal([2, -99, 1, Math.Sqrt(2)], matrix);

        double[] vector = [10, 11];
        Cholesky.Solve(matrix, 2, vector);
        Assert.Equal(1, vector[0], 12);
        Assert.Equal(3, vector[1], 12);
    }

    [Theory]
    [InlineData(1, 120, 15, 1e-11)]
    [InlineData(2, 40, 8, 1e-11)]
    [InlineData(3, 300, 15, 1e-11)]
    public void Solve_RandomWellConditionedDesign_MatchesQr(int seed, int rows, int columns, double tolerance)
    {
        var random = new Random(seed);
        var design = Matrix<double>.Build.Dense(rows, columns, (_, _) => (random.NextDouble() * 2) - 1);
        var y = Vector<double>.Build.Dense(rows, _ => (random.NextDouble() * 100) - 50);

        AssertMatchesQr(design, y, tolerance);
    }

    [Theory]
    [InlineData(1e-2, 1e-10)]
    [InlineData(1e-3, 1e-8)]
    [InlineData(1e-4, 1e-6)]
    public void Solve_NearlyCollinearDesign_MatchesQr(double separation, double tolerance)
    {
        var (design, y) = NearlyCollinear(separation);

        AssertMatchesQr(design, y, tolerance);
    }

    [Fact]
    public void TryFactor_ColumnsWithinTolerance_IsRankDeficient()
    {
        // A column 10⁻⁶ away from another (relative): the normal equations cannot resolve it, so no fit, not a bad one.
        var (design, _) = NearlyCollinear(1e-6);

        Assert.False(Cholesky.TryFactor(Gram(design), design.ColumnCount));
    }

    [Fact]
    public void TryFactor_ColumnIsSumOfOthers_IsRankDeficient()
    {
        var random = new Random(11);
        var design = Matrix<double>.Build.Dense(60, 5, (_, _) => Math.Round(random.NextDouble() * 10));
        for (var i = 0; i < design.RowCount; i++)
        {
            design[i, 3] = design[i, 1] + design[i, 2];
        }

        Assert.False(Cholesky.TryFactor(Gram(design), 5));
    }

    [Fact]
    public void TryFactor_ZeroColumn_IsRankDeficient()
    {
        var design = Matrix<double>.Build.Dense(20, 3, (i, j) => j == 1 ? 0 : i + j);

        Assert.False(Cholesky.TryFactor(Gram(design), 3));
    }

    static void AssertMatchesQr(Matrix<double> design, Vector<double> y, double tolerance)
    {
        var expected = design.QR().Solve(y);
        var factor = Gram(design);
        var solution = design.TransposeThisAndMultiply(y).ToArray();

        Assert.True(Cholesky.TryFactor(factor, design.ColumnCount));
        Cholesky.Solve(factor, design.ColumnCount, solution);

        var scale = expected.AbsoluteMaximum();
        for (var j = 0; j < expected.Count; j++)
        {
            Assert.True(Math.Abs(expected[j] - solution[j]) <= tolerance * scale, $"coefficient {j}: QR {expected[j]:R}, Cholesky {solution[j]:R}");
        }
    }

    /// <summary>The last column is the first plus a small independent part: full rank, but ill-conditioned.</summary>
    static (Matrix<double> Design, Vector<double> Y) NearlyCollinear(double separation)
    {
        var random = new Random(7);
        var design = Matrix<double>.Build.Dense(120, 6, (_, _) => (random.NextDouble() * 2) - 1);
        for (var i = 0; i < design.RowCount; i++)
        {
            design[i, 5] = design[i, 0] + (separation * ((random.NextDouble() * 2) - 1));
        }

        return (design, Vector<double>.Build.Dense(120, i => (3 * design[i, 0]) - (2 * design[i, 5]) + random.NextDouble()));
    }

    static double[] Gram(Matrix<double> design) => design.TransposeThisAndMultiply(design).ToRowMajorArray();
}
