using System.Text.Json.Serialization;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// One record of the ledger, signed by its author's key and logged as a DSSE entry. Every record carries the schema
/// version, its kind (the JSON discriminator; the kinds are listed in <see cref="RecordKinds"/>) and its author party;
/// the time is the author's own statement of when the record was made (the log's order, not this time, decides
/// precedence).
/// </summary>
public abstract record LedgerRecord
{
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    public required PartyId Author { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The record kind as it appears in the payload type and the <c>kind</c> field.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }
}
