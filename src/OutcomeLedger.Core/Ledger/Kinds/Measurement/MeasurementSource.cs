namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// Where a value comes from: the dataset, its address, the file (name and SHA-256) it was read from, and the date of the
/// source's release the file is (omitted when not given: a newer release's changed values are corrections).
/// </summary>
public sealed record MeasurementSource(string Dataset, string? Url = null, string? FileName = null, string? FileSha256 = null, int? Line = null, DateOnly? Release = null);
