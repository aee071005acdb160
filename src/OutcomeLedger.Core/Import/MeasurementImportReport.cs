using OutcomeLedger.Core.Import.Quality;
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

    /// <summary>What the data-quality rules noticed in the files (outliers, a running total that fell, gaps, a period given twice with the same figure): prompts to check, not errors.</summary>
    public IReadOnlyList<DataNote> Notes { get; init; } = [];

    public int New => Planned.Count(p => p.Action == PlannedMeasurement.New);

    public int Unchanged => Planned.Count(p => p.Action == PlannedMeasurement.Unchanged);

    public int Corrected => Planned.Count(p => p.Action == PlannedMeasurement.Correction);

    /// <summary>Of the unchanged values, those an earlier run of this import logged from the same rows: what a re-run resumes after.</summary>
    public int AlreadyLogged => Planned.Count(p => p.AlreadyLogged);

    /// <summary>What the release changed: values added, changed (corrections) and unchanged, and the largest revisions.</summary>
    public RevisionReport Revisions => RevisionReport.Of(Planned.Count > 0 ? Planned[0].Record.Source.Release : null, Planned);

    /// <summary>The log indices written, in order.</summary>
    public IReadOnlyList<ulong> Entries => [.. Results.Where(r => r.Index is not null).Select(r => r.Index!.Value)];

    /// <summary>The checkpoint the last written batch was acknowledged with.</summary>
    public ulong? Checkpoint => Results.Select(r => r.CheckpointSize).LastOrDefault(size => size is not null);

    /// <summary>The report as the CLI's --json and the API answer it (exact figures): one shape for both.</summary>
    public object ToJson()
    {
        if (!Succeeded)
        {
            return new { imported = false, dryRun = DryRun, errors = Errors.Select(e => new { file = e.File, line = e.Line, column = e.Column, message = e.Message }) };
        }

        var entries = Entries;
        return new
        {
            imported = !DryRun,
            dryRun = DryRun,
            indicator = Indicator.Id,
            files = Read.Sources.Select(s => new { file = s.FileName, sha256 = s.Sha256?.ToHex(), bytes = s.ByteCount }),
            @new = New,
            unchanged = Unchanged,
            corrected = Corrected,
            alreadyLogged = AlreadyLogged,
            firstEntry = entries.Count == 0 ? (ulong?)null : entries.Min(),
            lastEntry = entries.Count == 0 ? (ulong?)null : entries.Max(),
            checkpoint = Checkpoint,
            skipped = Read.Skipped,
            revisions = Revisions,
            dataNotes = Notes.Select(DataNoteJson.Of),
            measurements = Planned.Where(p => p.Writes).Select(p => new { action = p.Action, supersedes = p.Supersedes, previousValue = p.PreviousValue, measurement = p.Record }),
        };
    }
}
