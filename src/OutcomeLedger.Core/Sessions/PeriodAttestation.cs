using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Sessions;

/// <summary>One value attested by period: the measurement and the log index of the attestation on it.</summary>
public sealed record PeriodAttestation(MeasurementState Measurement, ulong Attestation);
