namespace OutcomeLedger.Core.Scorecards;

/// <summary>The agreement evaluated, with its parties.</summary>
public sealed record ScorecardAgreement
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<ScorecardParty> Parties { get; init; }

    public required EntryRef Entry { get; init; }
}
