using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>A statement a commitment was drawn from; quotes stay in the language they were said in.</summary>
public sealed record ScorecardStatement
{
    public required string Id { get; init; }

    public required DateOnly Date { get; init; }

    public required string Title { get; init; }

    public string? Speaker { get; init; }

    public required IReadOnlyList<string> Parties { get; init; }

    public required StatementKind StatementKind { get; init; }

    public required string SourceUrl { get; init; }

    public string? SourceSha256 { get; init; }

    public required IReadOnlyList<Quote> Quotes { get; init; }

    public required EntryRef Entry { get; init; }
}
