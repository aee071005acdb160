namespace OutcomeLedger.Core.Ledger;

/// <summary>A commitment's id: "reduce-fentanyl-flow".</summary>
public readonly record struct CommitmentId(string Value)
{
    public override string ToString() => Value;
}
