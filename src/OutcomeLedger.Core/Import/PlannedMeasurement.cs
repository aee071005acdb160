using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import;

/// <summary>What importing one observation does: a new value, nothing (the same value is current), or a correction of the current one.</summary>
public sealed record PlannedMeasurement(MeasurementRecord Record, string Action, ulong? Supersedes, decimal? PreviousValue, string SourcePath, int SourceLine)
{
    public const string New = "new";
    public const string Unchanged = "unchanged";
    public const string Correction = "correction";

    public bool Writes => Action != Unchanged;
}
