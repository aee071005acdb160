namespace OutcomeLedger.Core.Import;

/// <summary>
/// How one importer reads its files: the reader itself, the dataset name and address recorded by default, and
/// which observations the data itself marks provisional.
/// </summary>
public sealed record SourceFormat(
    string Dataset,
    string? Url,
    Func<IReadOnlyList<ImportInput>, ImportOptions, IReadOnlyList<ImportResult<ImportedObservation>>> Read,
    Func<ImportedObservation, bool> IsProvisional);
