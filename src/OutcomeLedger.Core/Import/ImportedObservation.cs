namespace OutcomeLedger.Core.Import;

/// <summary>
/// One value read from a source, before it becomes a ledger measurement: the period (<c>yyyy-MM</c> for months),
/// the dimension values that identify the series (empty when the selection names a single series), the value,
/// and where it came from. For aggregated values <see cref="SourceLine"/> is the first contributing row.
/// </summary>
public sealed record ImportedObservation(
    string Period,
    IReadOnlyDictionary<string, string> Dimensions,
    decimal Value,
    string SourceFile,
    int SourceLine,
    string? Note);
