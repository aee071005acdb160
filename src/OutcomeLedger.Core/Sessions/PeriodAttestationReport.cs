using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// What an attestation by period logged: one attestation per value (<see cref="Attested"/>, in period order), and the
/// values the author had already given this verdict (<see cref="AlreadyAttested"/>), which are left alone.
/// </summary>
public sealed record PeriodAttestationReport(
    IndicatorRecord Indicator,
    Verdict Verdict,
    IReadOnlyList<PeriodAttestation> Attested,
    IReadOnlyList<MeasurementState> AlreadyAttested,
    ulong? CheckpointSize);
