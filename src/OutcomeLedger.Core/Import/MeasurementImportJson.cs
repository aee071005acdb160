namespace OutcomeLedger.Core.Import;

/// <summary>An import's report as the CLI's --json and the API answer it (exact figures): what was written.</summary>
public sealed record MeasurementImportJson(
    bool Imported,
    bool DryRun,
    string Indicator,
    IEnumerable<MeasurementImportJson.SourceFile> Files,
    int New,
    int Unchanged,
    int Corrected,
    int AlreadyLogged,
    ulong? FirstEntry,
    ulong? LastEntry,
    ulong? Checkpoint,
    IReadOnlyList<SkippedRow> Skipped,
    RevisionReport Revisions,
    IEnumerable<Quality.DataNoteJson.Shape> DataNotes,
    IEnumerable<MeasurementImportJson.Value> Measurements)
{
    /// <summary>A file read: its name, SHA-256 and size.</summary>
    public sealed record SourceFile(string File, string? Sha256, long Bytes);

    /// <summary>A value written: new or a correction, what it supersedes and its previous value.</summary>
    public sealed record Value(string Action, ulong? Supersedes, decimal? PreviousValue, Ledger.MeasurementRecord Measurement);
}

/// <summary>An import refused: nothing written, and every error with its file, line and column.</summary>
public sealed record MeasurementImportErrorsJson(bool Imported, bool DryRun, IEnumerable<ImportError> Errors);
