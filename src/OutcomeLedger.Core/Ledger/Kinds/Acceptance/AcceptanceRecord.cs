namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// A party's signed acceptance of the terms another logged (a commitment, an indicator or a policy, by the log index
/// of its entry: exactly those bytes). Terms are "proposed by" their author until every party the agreement names has
/// accepted them; the party an indicator names as its reporter accepts the reporting role the same way.
/// </summary>
public sealed record AcceptanceRecord : LedgerRecord
{
    /// <summary>The log index of the commitment, indicator or policy accepted.</summary>
    public required ulong Entry { get; init; }

    public string? Note { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public override string Kind => "acceptance";
}
