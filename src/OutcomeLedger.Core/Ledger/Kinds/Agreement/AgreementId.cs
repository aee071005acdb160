namespace OutcomeLedger.Core.Ledger;

/// <summary>An agreement's id: "us-mx-security".</summary>
public readonly record struct AgreementId(string Value)
{
    public override string ToString() => Value;
}
