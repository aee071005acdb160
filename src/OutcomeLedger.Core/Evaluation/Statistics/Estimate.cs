namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>A point estimate with its standard error, two-sided interval and two-sided p-value (against zero).</summary>
public sealed record Estimate(double Value, double StandardError, double Lower, double Upper, double PValue)
{
    /// <summary>True when the interval excludes zero.</summary>
    public bool ExcludesZero => Lower > 0 || Upper < 0;
}
