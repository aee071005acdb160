namespace OutcomeLedger.Core.Ledger;

/// <summary>Adds or revokes one of a party's Ed25519 public keys. A revoked key signs nothing logged after this record.</summary>
public sealed record KeyRecord : LedgerRecord
{
    public required PartyId Party { get; init; }

    public required KeyAction Action { get; init; }

    public required string PublicKey { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public override string Kind => "key";
}
