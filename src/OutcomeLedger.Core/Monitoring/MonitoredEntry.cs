using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Monitoring;

/// <summary>
/// One new entry the monitor checked, with what a reader needs to say what it did: for a correction the measurement it
/// supersedes, for an attestation the measurement attested, and the indicator's unit when known.
/// </summary>
public sealed record MonitoredEntry(ulong Index, LedgerRecord Record, MeasurementRecord? Superseded, MeasurementRecord? Attested, string? Unit);
