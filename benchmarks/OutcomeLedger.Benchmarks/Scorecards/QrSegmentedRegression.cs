using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Benchmarks.Scorecards;

/// <summary>
/// The baseline for <see cref="InterruptedTimeSeries"/>: the segmented regression as first written, with MathNet's
/// QR decomposition and Newey-West sandwich in dense matrices (about 1 ms a fit). Kept here only to be timed beside
/// the current fit in the same run; it returns the same estimates.
/// </summary>
public static class QrSegmentedRegression
{
    const int BaseColumns = 4;

    /// <summary>Fits the model with <paramref name="intervention"/> as the first month counted as after.</summary>
    public static AnalysisResult<InterruptedTimeSeriesResult> Fit(MonthlySeries series, Period intervention, InterruptedTimeSeriesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= InterruptedTimeSeriesOptions.Default;

        var before = series.Observations.Count(o => o.Month < intervention);
        var after = series.Count - before;
        if (before < options.MinimumBefore)
        {
            return Insufficient(Shortfall.TooFewBeforeIntervention(before, options.MinimumBefore, intervention));
        }

        if (after < options.MinimumAfter)
        {
            return Insufficient(Shortfall.TooFewAfterIntervention(after, options.MinimumAfter, intervention));
        }

        var n = series.Count;
        var monthEffects = options.Seasonal && n >= options.MinimumForMonthEffects;
        var monthColumns = monthEffects ? MonthColumns(series) : [];
        var k = BaseColumns + monthColumns.Length;
        var lag = options.HacLag ?? NeweyWest.DefaultLag(n);
        if (n - k < options.MinimumResidualDegreesOfFreedom)
        {
            return Insufficient(Shortfall.TooFewForCoefficients(n, k, k + options.MinimumResidualDegreesOfFreedom));
        }

        if (lag >= n)
        {
            return Insufficient(Shortfall.TooFewForLag(n, lag));
        }

        var origin = series.First;
        var t0 = intervention.MonthsSince(origin);
        var design = Matrix<double>.Build.Dense(n, k);
        var y = Vector<double>.Build.Dense(n);
        for (var i = 0; i < n; i++)
        {
            var observation = series.Observations[i];
            design.SetRow(i, Row(observation.Month.MonthsSince(origin), t0, observation.Month.MonthOfYear, monthColumns));
            y[i] = observation.Value;
        }

        var qr = design.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var r = qr.R;
        var largest = Enumerable.Range(0, k).Max(j => Math.Abs(r[j, j]));
        if (Enumerable.Range(0, k).Any(j => Math.Abs(r[j, j]) <= 1e-10 * largest))
        {
            return Insufficient(Shortfall.RankDeficient);
        }

        var coefficients = qr.Solve(y);
        var residuals = y - (design * coefficients);
        var rInverse = r.Inverse();
        var inverseGram = rInverse * rInverse.Transpose();
        var covariance = Covariance(design, residuals, inverseGram, lag, options.SmallSampleCorrection);

        var df = n - k;
        var last = series.Last;
        var lastTime = last.MonthsSince(origin);
        var effect = Vector<double>.Build.Dense(k);
        effect[2] = 1;
        effect[3] = lastTime - t0;
        var counterfactualRow = Vector<double>.Build.DenseOfArray(Row(lastTime, t0, last.MonthOfYear, monthColumns));
        counterfactualRow[2] = 0;
        counterfactualRow[3] = 0;

        var critical = options.Distribution == IntervalDistribution.StudentT
            ? StudentT.InvCDF(0, 1, df, 1 - ((1 - options.Confidence) / 2))
            : Normal.InvCDF(0, 1, 1 - ((1 - options.Confidence) / 2));

        Estimate Linear(Vector<double> weights) =>
            Estimate.Of(weights * coefficients, Math.Sqrt(Math.Max(weights * covariance * weights, 0)), critical, df, options.Distribution);

        Estimate Coefficient(int index)
        {
            var unit = Vector<double>.Build.Dense(k);
            unit[index] = 1;
            return Linear(unit);
        }

        var change = effect * coefficients;
        var counterfactual = counterfactualRow * coefficients;
        Estimate? percent = null;
        // A projection that is zero up to rounding has no percentage.
        if (Math.Abs(counterfactual) > 1e-9 * y.AbsoluteMaximum())
        {
            // Delta method for 100·(a′b)/(c′b): gradient 100·(a/(c′b) − (a′b)·c/(c′b)²).
            var gradient = 100 * ((effect / counterfactual) - (change * counterfactualRow / (counterfactual * counterfactual)));
            var se = Math.Sqrt(Math.Max(gradient * covariance * gradient, 0));
            percent = Estimate.Of(100 * change / counterfactual, se, critical, df, options.Distribution);
        }

        return AnalysisResult.Of(new InterruptedTimeSeriesResult
        {
            Count = n,
            CountBefore = before,
            CountAfter = after,
            Intervention = intervention,
            LastMonth = last,
            InterventionTime = t0,
            LastTime = lastTime,
            MonthEffectsIncluded = monthEffects,
            HacLag = lag,
            SmallSampleCorrection = options.SmallSampleCorrection,
            Distribution = options.Distribution,
            Confidence = options.Confidence,
            ResidualDegreesOfFreedom = df,
            Intercept = Coefficient(0),
            PreTrend = Coefficient(1),
            LevelChange = Coefficient(2),
            SlopeChange = Coefficient(3),
            ChangeAtLastPeriod = Linear(effect),
            CounterfactualAtLastPeriod = counterfactual,
            PercentChangeAtLastPeriod = percent,
            Coefficients = [.. coefficients],
        });
    }

    static AnalysisResult<InterruptedTimeSeriesResult> Insufficient(Shortfall shortfall) =>
        AnalysisResult.Insufficient<InterruptedTimeSeriesResult>(shortfall);

    /// <summary>Calendar months (2..12) that appear in the series get an indicator; January is the reference.</summary>
    static int[] MonthColumns(MonthlySeries series) =>
        [.. Enumerable.Range(2, 11).Where(m => series.Observations.Any(o => o.Month.MonthOfYear == m))];

    static double[] Row(int t, int t0, int calendarMonth, int[] monthColumns)
    {
        var row = new double[BaseColumns + monthColumns.Length];
        var post = t >= t0 ? 1.0 : 0.0;
        row[0] = 1;
        row[1] = t;
        row[2] = post;
        row[3] = (t - t0) * post;
        for (var j = 0; j < monthColumns.Length; j++)
        {
            row[BaseColumns + j] = calendarMonth == monthColumns[j] ? 1 : 0;
        }

        return row;
    }

    /// <summary>The old dense sandwich (X′X)⁻¹ S (X′X)⁻¹, optionally scaled by n/(n − k).</summary>
    static Matrix<double> Covariance(Matrix<double> design, Vector<double> residuals, Matrix<double> inverseGram, int lag, bool smallSampleCorrection)
    {
        var n = design.RowCount;
        var k = design.ColumnCount;
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
