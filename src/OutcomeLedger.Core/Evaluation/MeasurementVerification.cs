using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Evaluation;

/// <summary>
/// A measurement's verification status from its attestations, and the figure that stands: the reported value, or a
/// resolution's figure once a dispute is resolved. Disputed figures are kept beside the reported one.
/// </summary>
public sealed record MeasurementVerification(VerificationStatus Status, decimal Reported, decimal Stands)
{
    /// <summary>
    /// The later stage wins: a resolution settles everything before it; otherwise the latest verifier verdict;
    /// otherwise the counterparty's latest word per attester (a dispute stands until that attester acknowledges).
    /// </summary>
    public static MeasurementVerification Of(MeasurementState measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var reported = measurement.Record.Value;
        if (measurement.Attestations.Count == 0)
        {
            return new(VerificationStatus.SelfReported, reported, reported);
        }

        Logged<AttestationRecord>? resolution = null;
        Logged<AttestationRecord>? verifier = null;
        var latestByAttester = new Dictionary<PartyId, Verdict>();
        foreach (var attestation in measurement.Attestations)
        {
            switch (attestation.Record.Verdict)
            {
                case Verdict.Resolved:
                    resolution = attestation;
                    break;
                case Verdict.Verified or Verdict.VerificationFailed:
                    verifier = attestation;
                    break;
                default:
                    latestByAttester[attestation.Record.Author] = attestation.Record.Verdict;
                    break;
            }
        }

        if (resolution is not null)
        {
            return new(VerificationStatus.Resolved, reported, resolution.Record.Figure ?? reported);
        }

        if (verifier is not null)
        {
            return new(verifier.Record.Verdict == Verdict.Verified ? VerificationStatus.Verified : VerificationStatus.VerificationFailed, reported, reported);
        }

        if (latestByAttester.ContainsValue(Verdict.Disputed))
        {
            return new(VerificationStatus.Disputed, reported, reported);
        }

        return new(latestByAttester.Count > 0 ? VerificationStatus.Acknowledged : VerificationStatus.SelfReported, reported, reported);
    }

    /// <summary>Acknowledged by the counterparty, verified, or resolved: confirmed by someone other than the reporter.</summary>
    public bool IsConfirmed => Status is VerificationStatus.Acknowledged or VerificationStatus.Verified or VerificationStatus.Resolved;

    /// <summary>The status as the policy names it: "self-reported", "verification-failed".</summary>
    public static string PolicyName(VerificationStatus status) => status switch
    {
        VerificationStatus.SelfReported => "self-reported",
        VerificationStatus.Acknowledged => "acknowledged",
        VerificationStatus.Disputed => "disputed",
        VerificationStatus.Verified => "verified",
        VerificationStatus.VerificationFailed => "verification-failed",
        VerificationStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
