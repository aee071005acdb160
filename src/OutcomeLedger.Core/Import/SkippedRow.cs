using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import;

/// <summary>
/// A selected source row that carries no value, for a reason the publisher gave (e.g. CDC withholds values of
/// low data quality). Skipped rows are not errors, but callers should show them: a gap is not a zero.
/// </summary>
public sealed record SkippedRow(string File, int Line, Period Period, string Reason);
