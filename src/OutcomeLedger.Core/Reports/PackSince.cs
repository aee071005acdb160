using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Core.Reports;

/// <summary>
/// The checkpoint a pack compares with: its size, its date, and the agreement's scorecard there (null when the
/// agreement was not logged yet: every commitment is then new).
/// </summary>
public sealed record PackSince(ulong Size, DateOnly Date, Scorecard? Scorecard);
