namespace OutcomeLedger.Core.Ledger;

/// <summary>A statement's id: "joint-statement-2026-01-15".</summary>
public readonly record struct StatementId(string Value)
{
    public override string ToString() => Value;
}
