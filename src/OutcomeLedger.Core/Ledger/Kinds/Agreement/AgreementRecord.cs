namespace OutcomeLedger.Core.Ledger;

/// <summary>A set of commitments between parties.</summary>
public sealed record AgreementRecord : LedgerRecord
{
    public required AgreementId Id { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<PartyId> Parties { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public override string Kind => "agreement";
}
