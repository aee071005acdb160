namespace OutcomeLedger.Core.Scorecards;

/// <summary>The mean of the latest twelve counted periods (or fewer) against the mean of the baseline periods.</summary>
public sealed record ScorecardRelativeChange(string BaselineFrom, string BaselineTo, double BaselineMean, int BaselineCount, string ComparisonFrom, string ComparisonTo, double ComparisonMean, int ComparisonCount, double Percent);
