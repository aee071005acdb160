namespace OutcomeLedger.Core.Ledger;

/// <summary>A party's or verifier's verdict on a measurement.</summary>
public enum Verdict
{
    Acknowledged,
    Disputed,
    Verified,
    VerificationFailed,
    Resolved,
}
