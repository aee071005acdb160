using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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

    /// <summary>Of the unchanged values, those an earlier run of this import logged from the same rows: what a re-run resumes after.</summary>
    public int AlreadyLogged => Planned.Count(p => p.AlreadyLogged);

    /// <summary>What the release changed: values added, changed (corrections) and unchanged, and the largest revisions.</summary>
    public RevisionReport Revisions => RevisionReport.Of(Planned.Count > 0 ? Planned[0].Record.Source.Release : null, Planned);

    /// <summary>The log indices written, in order.</summary>
    public IReadOnlyList<ulong> Entries => [.. Results.Where(r => r.Index is not null).Select(r => r.Index!.Value)];

    /// <summary>The checkpoint the last written batch was acknowledged with.</summary>
    public ulong? Checkpoint => Results.Select(r => r.CheckpointSize).LastOrDefault(size => size is not null);

    /// <summary>
    /// The report as the CLI's --json and the API answer it (exact figures): one shape for both, a
    /// <see cref="MeasurementImportRefusedJson"/> or a <see cref="MeasurementImportJson"/>, written with <see cref="JsonOptions"/>.
    /// </summary>
    public object ToJson()
    {
        if (!Succeeded)
        {
            return new MeasurementImportRefusedJson(false, DryRun, [.. Errors.Select(e => new ImportErrorJson(e.File, e.Line, e.Column, e.Message))]);
        }

        var entries = Entries;
        return new MeasurementImportJson(
            Imported: !DryRun,
            DryRun: DryRun,
            Indicator: Indicator.Id,
            Files: [.. Read.Sources.Select(s => new ImportFileJson(s.FileName, s.Sha256?.ToHex(), s.ByteCount))],
            New: New,
            Unchanged: Unchanged,
            Corrected: Corrected,
            AlreadyLogged: AlreadyLogged,
            FirstEntry: entries.Count == 0 ? null : entries.Min(),
            LastEntry: entries.Count == 0 ? null : entries.Max(),
            Checkpoint: Checkpoint,
            Skipped: Read.Skipped,
            Revisions: Revisions,
            Measurements: [.. Planned.Where(p => p.Writes).Select(p => new PlannedMeasurementJson(p.Action, p.Supersedes, p.PreviousValue, p.Record))]);
    }

    /// <summary>The options <see cref="ToJson"/>'s value is written with: the records' form, with generated metadata.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(RecordJson.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ImportJsonContext.Default, RecordJson.Options.TypeInfoResolver),
        };
        options.Converters.Add(RecordJson.EnumConverter<SkipCode>());
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>An import that wrote nothing, and why (<see cref="MeasurementImportReport.ToJson"/>); members in this order.</summary>
public sealed record MeasurementImportRefusedJson(bool Imported, bool DryRun, IReadOnlyList<ImportErrorJson> Errors);

/// <summary>One problem of a refused import.</summary>
public sealed record ImportErrorJson(string File, int Line, string Column, string Message);

/// <summary>What an import did or would do (<see cref="MeasurementImportReport.ToJson"/>); members in this order.</summary>
public sealed record MeasurementImportJson(
    bool Imported,
    bool DryRun,
    IndicatorId Indicator,
    IReadOnlyList<ImportFileJson> Files,
    int New,
    int Unchanged,
    int Corrected,
    int AlreadyLogged,
    ulong? FirstEntry,
    ulong? LastEntry,
    ulong? Checkpoint,
    IReadOnlyList<SkippedRow> Skipped,
    RevisionReport Revisions,
    IReadOnlyList<PlannedMeasurementJson> Measurements);

/// <summary>One file an import read.</summary>
public sealed record ImportFileJson(string File, string? Sha256, long Bytes);

/// <summary>One value an import writes.</summary>
public sealed record PlannedMeasurementJson(string Action, ulong? Supersedes, decimal? PreviousValue, MeasurementRecord Measurement);

/// <summary>Generated metadata for the import report (<see cref="MeasurementImportReport.JsonOptions"/>).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(MeasurementImportRefusedJson))]
[JsonSerializable(typeof(MeasurementImportJson))]
internal sealed partial class ImportJsonContext : JsonSerializerContext;
