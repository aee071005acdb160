namespace OutcomeLedger.Core.Ledger;

/// <summary>A party's id: "us", "mx", "gao".</summary>
public readonly record struct PartyId(string Value)
{
    public override string ToString() => Value;
}
