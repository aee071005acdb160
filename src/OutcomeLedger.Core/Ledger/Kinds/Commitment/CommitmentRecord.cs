namespace OutcomeLedger.Core.Ledger;

/// <summary>A promise drawn from one or more statements.</summary>
public sealed record CommitmentRecord : LedgerRecord
{
    public required CommitmentId Id { get; init; }

    public required AgreementId Agreement { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyList<StatementId> Statements { get; init; }

    public required IReadOnlyList<PartyId> ResponsibleParties { get; init; }

    /// <summary>The month the commitment was made: the intervention point of the trend analysis.</summary>
    public required DateOnly MadeOn { get; init; }

    public DateOnly? DueDate { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public override string Kind => "commitment";
}
