namespace OutcomeLedger.Core.Ledger;

/// <summary>Registers a party (or updates its name) with its initial Ed25519 public keys (raw 32 bytes, base64).</summary>
public sealed record PartyRecord : LedgerRecord
{
    public required PartyId Id { get; init; }

    public required string Name { get; init; }

    public required PartyRole Role { get; init; }

    public IReadOnlyList<string> Keys { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public override string Kind => "party";
}
