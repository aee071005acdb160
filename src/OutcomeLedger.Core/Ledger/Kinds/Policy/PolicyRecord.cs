namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// The evaluation policy of an agreement, logged so the rules cannot change silently. A later policy for the same
/// agreement replaces the earlier one from its log position on.
/// </summary>
public sealed record PolicyRecord : LedgerRecord
{
    public required AgreementId Agreement { get; init; }

    public required EvaluationPolicy Policy { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public override string Kind => "policy";
}
