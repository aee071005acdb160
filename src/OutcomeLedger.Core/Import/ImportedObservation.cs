using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import;

/// <summary>
/// One value read from a source, before it becomes a ledger measurement: the period (the ledger's own type),
/// the dimension values that identify the series (empty when the selection names a single series), the value,
/// and where it came from. For aggregated values <see cref="SourceLine"/> is the first contributing row.
/// </summary>
public sealed record ImportedObservation(
    Period Period,
    IReadOnlyDictionary<string, string> Dimensions,
    decimal Value,
    string SourceFile,
    int SourceLine,
    string? Note);
