namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The baseline periods and value: as stated in the indicator (<see cref="Stated"/>), or the mean of the headline
/// series' counted values in those periods (null when there were none).
/// </summary>
public sealed record ScorecardBaseline(string From, string To, double? Value, bool Stated);
