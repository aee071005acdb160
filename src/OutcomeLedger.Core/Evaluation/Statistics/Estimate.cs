using MathNet.Numerics.Distributions;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>A point estimate with its standard error, two-sided interval and two-sided p-value (against zero).</summary>
public sealed record Estimate(double Value, double StandardError, double Lower, double Upper, double PValue)
{
    /// <summary>True when the interval excludes zero.</summary>
    public bool ExcludesZero => Lower > 0 || Upper < 0;

    /// <summary>
    /// The estimate with interval value ± critical·SE and the two-sided p-value of value/SE under Student's t with
    /// <paramref name="df"/> degrees of freedom or the standard normal; a zero standard error gives p = 1 for a zero
    /// value and 0 otherwise.
    /// </summary>
    public static Estimate Of(double value, double standardError, double critical, int df, IntervalDistribution distribution)
    {
        double p;
        if (standardError > 0)
        {
            var statistic = Math.Abs(value / standardError);
            p = distribution == IntervalDistribution.StudentT
                ? 2 * StudentT.CDF(0, 1, df, -statistic)
                : 2 * Normal.CDF(0, 1, -statistic);
        }
        else
        {
            p = value == 0 ? 1 : 0;
        }

        return new Estimate(value, standardError, value - (critical * standardError), value + (critical * standardError), p);
    }
}
