namespace OutcomeLedger.Core.Ledger;

/// <summary>An indicator's id: "sw-border-fentanyl-seizures".</summary>
public readonly record struct IndicatorId(string Value)
{
    public override string ToString() => Value;
}
