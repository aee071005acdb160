namespace OutcomeLedger.Core.Scorecards;

/// <summary>A superseded value, kept for the record: the log never deletes.</summary>
public sealed record ScorecardCorrection(decimal Value, EntryRef Entry);
