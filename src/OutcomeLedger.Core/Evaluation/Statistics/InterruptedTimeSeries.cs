using System.Buffers;
using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>
/// Interrupted time series by segmented regression (Wagner et al. 2002; Bernal, Cummins and Gasparrini
/// 2017), with month effects for seasonal series and Newey-West standard errors for autocorrelation.
/// </summary>
public static class InterruptedTimeSeries
{
    const int BaseColumns = 4;

    static readonly ConcurrentDictionary<(IntervalDistribution, int, double), double> CriticalValues = new();

    /// <summary>Fits the model with <paramref name="intervention"/> as the first month counted as after.</summary>
    public static AnalysisResult<InterruptedTimeSeriesResult> Fit(MonthlySeries series, Period intervention, InterruptedTimeSeriesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= InterruptedTimeSeriesOptions.Default;
        options.Validate();

        var before = 0;
        foreach (var observation in series.Observations)
        {
            before += observation.Month < intervention ? 1 : 0;
        }

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

        // The design column of each calendar month present (2..12; January is the reference), or −1.
        Span<int> monthColumn = stackalloc int[13];
        monthColumn.Fill(-1);
        var k = BaseColumns;
        if (monthEffects)
        {
            Span<bool> present = stackalloc bool[13];
            foreach (var observation in series.Observations)
            {
                present[observation.Month.MonthOfYear] = true;
            }

            for (var m = 2; m <= 12; m++)
            {
                if (present[m])
                {
                    monthColumn[m] = k++;
                }
            }
        }

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
        var last = series.Last;
        var lastTime = last.MonthsSince(origin);

        // The trend column is centred on the middle of the span: uncentred, X′X would mix entries of order 1 and n³ and
        // its Cholesky factor would lose digits the QR decomposition keeps. The coefficients are mapped back below.
        var centre = lastTime / 2.0;
        // One pooled buffer for the design, the residuals, the scores, X′X and five vectors of k: nothing per fit.
        var pooled = ArrayPool<double>.Shared.Rent((n * k) + (2 * n) + (k * k) + (6 * k));
        try
        {
            var buffer = pooled.AsSpan(0, (n * k) + (2 * n) + (k * k) + (6 * k));
            buffer.Clear();
            var design = Take(ref buffer, n * k);
            var residuals = Take(ref buffer, n);
            var scores = Take(ref buffer, n);
            var gram = Take(ref buffer, k * k);
            var coefficients = Take(ref buffer, k);
            var projection = Take(ref buffer, k);
            var weights = Take(ref buffer, k);
            var effect = Take(ref buffer, k);
            var counterfactualRow = Take(ref buffer, k);
            var largest = 0.0;
            for (var i = 0; i < n; i++)
            {
                var observation = series.Observations[i];
                var row = design.Slice(i * k, k);
                Row(row, observation.Month.MonthsSince(origin), t0, centre, monthColumn[observation.Month.MonthOfYear]);
                var y = observation.Value;
                residuals[i] = y;
                largest = Math.Max(largest, Math.Abs(y));

                // X′X (lower triangle) and X′y, row by row.
                for (var a = 0; a < k; a++)
                {
                    var x = row[a];
                    if (x == 0)
                    {
                        continue;
                    }

                    coefficients[a] += x * y;
                    var gramRow = gram.Slice(a * k, a + 1);
                    for (var b = 0; b <= a; b++)
                    {
                        gramRow[b] += x * row[b];
                    }
                }
            }

            if (!Cholesky.TryFactor(gram, k))
            {
                return Insufficient(Shortfall.RankDeficient);
            }

            Cholesky.Solve(gram, k, coefficients);
            for (var i = 0; i < n; i++)
            {
                residuals[i] -= Dot(design.Slice(i * k, k), coefficients);
            }

            var df = n - k;
            var model = new Sandwich
            {
                Design = design,
                Residuals = residuals,
                Scores = scores,
                Factor = gram,
                Coefficients = coefficients,
                Projection = projection,
                Lag = lag,
                Scale = options.SmallSampleCorrection ? n / (double)df : 1.0,
                Critical = Critical(options.Distribution, df, options.Confidence),
                DegreesOfFreedom = df,
                Distribution = options.Distribution,
            };

            // The intercept is the level at t = 0, which is −centre in the centred time.
            weights[0] = 1;
            weights[1] = -centre;
            var intercept = model.Linear(weights);
            var unit = new Estimate[3];
            for (var j = 1; j <= 3; j++)
            {
                weights.Clear();
                weights[j] = 1;
                unit[j - 1] = model.Linear(weights);
            }

            effect[2] = 1;
            effect[3] = lastTime - t0;
            Row(counterfactualRow, lastTime, t0, centre, monthColumn[last.MonthOfYear]);
            counterfactualRow[2] = 0;
            counterfactualRow[3] = 0;

            var changeAtLast = model.Linear(effect);
            var change = changeAtLast.Value;
            var counterfactual = Dot(counterfactualRow, coefficients);
            Estimate? percent = null;
            // A projection that is zero up to rounding has no percentage.
            if (Math.Abs(counterfactual) > 1e-9 * largest)
            {
                // Delta method for 100·(a′b)/(c′b): gradient 100·(a/(c′b) − (a′b)·c/(c′b)²).
                for (var j = 0; j < k; j++)
                {
                    weights[j] = 100 * ((effect[j] / counterfactual) - (change * counterfactualRow[j] / (counterfactual * counterfactual)));
                }

                percent = model.Estimate(100 * change / counterfactual, model.StandardError(weights));
            }

            var reported = new double[k];
            coefficients.CopyTo(reported);
            reported[0] = intercept.Value;
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
                Intercept = intercept,
                PreTrend = unit[0],
                LevelChange = unit[1],
                SlopeChange = unit[2],
                ChangeAtLastPeriod = changeAtLast,
                CounterfactualAtLastPeriod = counterfactual,
                PercentChangeAtLastPeriod = percent,
                Coefficients = reported,
            });
        }
        finally
        {
            ArrayPool<double>.Shared.Return(pooled);
        }
    }

    static Span<double> Take(ref Span<double> buffer, int length)
    {
        var taken = buffer[..length];
        buffer = buffer[length..];
        return taken;
    }

    /// <summary>The two-sided critical value; remembered, as a scorecard asks for the same few thousands of times.</summary>
    static double Critical(IntervalDistribution distribution, int df, double confidence)
    {
        var key = (distribution, df, confidence);
        if (!CriticalValues.TryGetValue(key, out var critical))
        {
            critical = distribution == IntervalDistribution.StudentT
                ? StudentT.InvCDF(0, 1, df, 1 - ((1 - confidence) / 2))
                : Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
            CriticalValues.TryAdd(key, critical);
        }

        return critical;
    }

    static AnalysisResult<InterruptedTimeSeriesResult> Insufficient(Shortfall shortfall) =>
        AnalysisResult.Insufficient<InterruptedTimeSeriesResult>(shortfall);

    /// <summary>One design row: 1, centred time, after, months since the intervention when after, the month's indicator.</summary>
    static void Row(Span<double> row, int t, int t0, double centre, int monthColumn)
    {
        row.Clear();
        var post = t >= t0 ? 1.0 : 0.0;
        row[0] = 1;
        row[1] = t - centre;
        row[2] = post;
        row[3] = (t - t0) * post;
        if (monthColumn >= 0)
        {
            row[monthColumn] = 1;
        }
    }

    /// <summary>The fitted model's pieces for Newey-West standard errors of linear combinations of its coefficients.</summary>
    ref struct Sandwich
    {
        public Span<double> Design;
        public Span<double> Residuals;
        public Span<double> Scores;
        public Span<double> Factor;
        public Span<double> Coefficients;
        public Span<double> Projection;
        public int Lag;
        public double Scale;
        public double Critical;
        public int DegreesOfFreedom;
        public IntervalDistribution Distribution;

        /// <summary>The estimate of w′b with its HAC standard error, interval and p-value.</summary>
        public readonly Estimate Linear(ReadOnlySpan<double> weights) => Estimate(Dot(weights, Coefficients), StandardError(weights));

        public readonly Estimate Estimate(double value, double standardError) => Statistics.Estimate.Of(value, standardError, Critical, DegreesOfFreedom, Distribution);

        /// <summary>The HAC standard error of w′b: with a = (X′X)⁻¹w, the Newey-West sum of the scores (a′xᵢ)·eᵢ.</summary>
        public readonly double StandardError(ReadOnlySpan<double> weights)
        {
            var k = Projection.Length;
            weights.CopyTo(Projection);
            Cholesky.Solve(Factor, k, Projection);
            for (var i = 0; i < Residuals.Length; i++)
            {
                Scores[i] = Dot(Design.Slice(i * k, k), Projection) * Residuals[i];
            }

            return Math.Sqrt(Math.Max(Scale * NeweyWest.Variance(Scores, Lag), 0));
        }
    }

    static double Dot(ReadOnlySpan<double> left, ReadOnlySpan<double> right)
    {
        var sum = 0.0;
        for (var j = 0; j < left.Length; j++)
        {
            sum += left[j] * right[j];
        }

        return sum;
    }
}
