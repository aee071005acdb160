using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Evaluation;

/// <summary>
/// A measurement's verification status from its history (<see cref="ValueHistory"/>: the value, the values it
/// corrected and the attestations on all of them), and the figure that stands: the reported value, or a resolution's
/// figure once a dispute is resolved. Disputed figures are kept beside the reported one (<see cref="OpenDisputes"/>).
/// </summary>
public sealed record MeasurementVerification(VerificationStatus Status, decimal Reported, decimal Stands)
{
    /// <summary>The disputes still open on the value (inherited from the values it corrected too), each with its attester's figure.</summary>
    public IReadOnlyList<Logged<AttestationRecord>> OpenDisputes { get; init; } = [];

    /// <summary>The value's history in log order: reported, corrected, acknowledged, disputed, withdrawn, verified, resolved.</summary>
    public IReadOnlyList<ValueEvent> History { get; init; } = [];

    /// <summary>
    /// An open dispute outweighs everything: it ends only by its disputer or a resolution, never by a verifier's
    /// verdict or a correction. Otherwise a resolution since the value was logged makes its figure stand; otherwise the
    /// latest verifier verdict on the value (by a verifier whose checks <paramref name="policy"/> counts, when given);
    /// otherwise an acknowledgement of the value by someone other than its reporter.
    /// </summary>
    public static MeasurementVerification Of(MeasurementState measurement, EvaluationPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var reported = measurement.Record.Value;
        var history = ValueHistory.Of(measurement);
        var open = history.OpenDisputes;
        var (status, stands) = history switch
        {
            _ when open.Count > 0 => (VerificationStatus.Disputed, reported),
            { Resolution: { } resolution } => (VerificationStatus.Resolved, resolution.Record.Figure ?? reported),
            { VerifierVerdict: { } verdict } when policy?.CountsVerifier(verdict.Record.Author) != false =>
                (verdict.Record.Verdict == Verdict.Verified ? VerificationStatus.Verified : VerificationStatus.VerificationFailed, reported),
            { AcknowledgedBy.Count: > 0 } => (VerificationStatus.Acknowledged, reported),
            _ => (VerificationStatus.SelfReported, reported),
        };
        var (by, file) = status switch
        {
            VerificationStatus.Resolved => (history.Resolution!.Record.Author.Value, null),
            VerificationStatus.Verified or VerificationStatus.VerificationFailed => (history.VerifierVerdict!.Record.Author.Value, ReDerivedFrom(history.VerifierVerdict.Record.Reason)),
            VerificationStatus.Acknowledged => (history.AcknowledgedBy.Count == 1 ? history.AcknowledgedBy[0].Value : string.Join(", ", history.AcknowledgedBy.Select(p => p.Value).Distinct().Order(StringComparer.Ordinal)), null),
            _ => ((string?)null, (string?)null),
        };
        return new(status, reported, stands) { OpenDisputes = open, History = history.Events, ConfirmedBy = by, ReDerivedFromFile = file };
    }

    /// <summary>Who settled the status: the acknowledging parties (comma-separated), the verifier, or the resolver; null for a self-reported or disputed value.</summary>
    public string? ConfirmedBy { get; init; }

    /// <summary>The published file a verifier re-derived the value from (its check's reason names it); null for any other check.</summary>
    public string? ReDerivedFromFile { get; init; }

    /// <summary>The file a source check's reason names ("verified: re-derived from FILE sha256:…"), or null.</summary>
    public static string? ReDerivedFrom(string? reason)
    {
        const string Verified = "verified: re-derived from ";
        const string Differs = "re-derived from ";
        var rest = reason is null ? null
            : reason.StartsWith(Verified, StringComparison.Ordinal) ? reason[Verified.Length..]
            : reason.StartsWith(Differs, StringComparison.Ordinal) ? reason[Differs.Length..]
            : null;
        var end = rest?.IndexOf(" sha256:", StringComparison.Ordinal) ?? -1;
        return end > 0 ? rest![..end] : null;
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
