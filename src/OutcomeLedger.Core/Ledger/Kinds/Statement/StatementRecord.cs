namespace OutcomeLedger.Core.Ledger;

/// <summary>What someone said: the rhetoric, with its source and short verbatim quotes.</summary>
public sealed record StatementRecord : LedgerRecord
{
    public required StatementId Id { get; init; }

    public required DateOnly Date { get; init; }

    public required string Title { get; init; }

    public string? Speaker { get; init; }

    /// <summary>The parties whose statement it is (a joint statement has several).</summary>
    public required IReadOnlyList<PartyId> Parties { get; init; }

    public required StatementKind StatementKind { get; init; }

    public required string SourceUrl { get; init; }

    /// <summary>SHA-256 (hex) of the source document, when it was archived.</summary>
    public string? SourceSha256 { get; init; }

    public IReadOnlyList<Quote> Quotes { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public override string Kind => "statement";
}
