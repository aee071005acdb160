namespace OutcomeLedger.Core.Ledger;

/// <summary>Where a value comes from: the dataset, its address, and the file (name and SHA-256) it was read from.</summary>
public sealed record MeasurementSource(string Dataset, string? Url = null, string? FileName = null, string? FileSha256 = null, int? Line = null);
