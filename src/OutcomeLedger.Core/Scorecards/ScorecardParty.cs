using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>A party named in the scorecard.</summary>
public sealed record ScorecardParty(string Id, string Name, PartyRole Role);
