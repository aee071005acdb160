namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// A party's signed objection to the terms of a commitment or an indicator another logged (by the log index of its
/// entry), with its reason. It is shown beside those terms until its author accepts them.
/// </summary>
public sealed record ObjectionRecord : LedgerRecord
{
    /// <summary>The log index of the commitment or indicator contested.</summary>
    public required ulong Entry { get; init; }

    public required string Reason { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public override string Kind => "objection";
}
