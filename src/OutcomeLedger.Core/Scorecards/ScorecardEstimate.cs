namespace OutcomeLedger.Core.Scorecards;

/// <summary>A point estimate with its standard error, its interval at the policy's confidence level and its two-sided p-value.</summary>
public sealed record ScorecardEstimate(double Value, double StandardError, double Lower, double Upper, double PValue);
