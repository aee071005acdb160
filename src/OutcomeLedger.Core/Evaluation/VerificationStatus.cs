namespace OutcomeLedger.Core.Evaluation;

/// <summary>
/// Where a measurement stands after the attestations on it: self-reported → acknowledged or disputed by the
/// counterparty → verified or verification failed by an independent verifier → resolved (a dispute settled).
/// Written in kebab case ("verification-failed"), the names the evaluation policy lists.
/// </summary>
public enum VerificationStatus
{
    SelfReported,
    Acknowledged,
    Disputed,
    Verified,
    VerificationFailed,
    Resolved,
}
