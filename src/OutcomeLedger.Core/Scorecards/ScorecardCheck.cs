namespace OutcomeLedger.Core.Scorecards;

/// <summary>The outcome of re-deriving a scorecard from the log: identical, or the first thing that differs.</summary>
public sealed record ScorecardCheck(bool IsValid, string Message, int EntriesChecked = 0);
