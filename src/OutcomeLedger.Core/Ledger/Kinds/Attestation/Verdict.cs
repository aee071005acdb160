namespace OutcomeLedger.Core.Ledger;

/// <summary>A party's or verifier's verdict on a measurement.</summary>
/// <remarks>Written in kebab case; a new verdict is added at the end, and an entry's verdict never changes meaning.</remarks>
public enum Verdict
{
    Acknowledged,
    Disputed,
    Verified,
    VerificationFailed,
    Resolved,

    /// <summary>The disputer takes its dispute back (only the disputer can).</summary>
    Withdrawn,
}
