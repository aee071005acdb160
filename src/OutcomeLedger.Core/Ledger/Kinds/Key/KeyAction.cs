namespace OutcomeLedger.Core.Ledger;

/// <summary>A change to a party's signing keys.</summary>
public enum KeyAction
{
    Add,
    Revoke,
}
