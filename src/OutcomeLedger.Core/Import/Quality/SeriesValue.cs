using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import.Quality;

/// <summary>One value of a series as the data-quality rules see it, with the file and line it came from when known.</summary>
public readonly record struct SeriesValue(Period Period, decimal Value, string? File = null, int? Line = null);
