namespace OutcomeLedger.Core.Ledger;

/// <summary>What kind of statement the rhetoric comes from.</summary>
public enum StatementKind
{
    JointStatement,
    PressRelease,
    Post,
    Speech,
    Testimony,
    Other,
}
