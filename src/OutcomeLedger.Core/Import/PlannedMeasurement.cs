using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import;

/// <summary>What importing one observation does: a new value, nothing (the same value is current), or a correction of the current one.</summary>
public sealed record PlannedMeasurement(MeasurementRecord Record, string Action, ulong? Supersedes, decimal? PreviousValue, string SourcePath, int SourceLine)
{
    public const string New = "new";
    public const string Unchanged = "unchanged";
    public const string Correction = "correction";

    public bool Writes => Action != Unchanged;

    /// <summary>
    /// Unchanged because this very row (same file content, same line, same author) is already logged: an earlier run of
    /// the same import that stopped between its batches.
    /// </summary>
    public bool AlreadyLogged { get; init; }
}
