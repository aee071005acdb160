using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Core.Import;

/// <summary>
/// What an import did, or would do (a dry run), or why it did nothing: every problem with its file, line and column.
/// An import is all or nothing: with any error, nothing was written.
/// </summary>
public sealed record MeasurementImportReport(
    IndicatorRecord Indicator,
    SourceRead Read,
    IReadOnlyList<PlannedMeasurement> Planned,
    IReadOnlyList<SubmitResult> Results,
    IReadOnlyList<ImportError> Errors,
    bool DryRun)
{
    public bool Succeeded => Errors.Count == 0;

    public int New => Planned.Count(p => p.Action == PlannedMeasurement.New);

    public int Unchanged => Planned.Count(p => p.Action == PlannedMeasurement.Unchanged);

    public int Corrected => Planned.Count(p => p.Action == PlannedMeasurement.Correction);

    /// <summary>The log indices written, in order.</summary>
    public IReadOnlyList<ulong> Entries => [.. Results.Where(r => r.Index is not null).Select(r => r.Index!.Value)];

    /// <summary>The checkpoint the last written batch was acknowledged with.</summary>
    public ulong? Checkpoint => Results.Select(r => r.CheckpointSize).LastOrDefault(size => size is not null);
}
