namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The change the rating rests on, in percent with its interval: against the projected no-commitment trend at the
/// last period, or (when that projection is not above zero) against the pre-commitment mean.
/// </summary>
public sealed record ChangeFinding(double Percent, double Lower, double Upper, double Confidence, bool AgainstTrend);
