using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
    public object ToJson() => Succeeded ? ToWrittenJson() : ToErrorsJson();

    /// <summary>The report of an import that failed: its errors, nothing written.</summary>
    public MeasurementImportErrorsJson ToErrorsJson() => new(Imported: false, DryRun, Errors);

    /// <summary>The report of an import that succeeded (or would, with --dry-run).</summary>
    public MeasurementImportJson ToWrittenJson()
    {
        var entries = Entries;
        return new MeasurementImportJson(
            Imported: !DryRun,
            DryRun,
            Indicator.Id.Value,
            Read.Sources.Select(s => new MeasurementImportJson.SourceFile(s.FileName, s.Sha256?.ToHex(), s.ByteCount)),
            New,
            Unchanged,
            Corrected,
            AlreadyLogged,
            FirstEntry: entries.Count == 0 ? null : entries.Min(),
            LastEntry: entries.Count == 0 ? null : entries.Max(),
            Checkpoint,
            Read.Skipped,
            Revisions,
            Notes.Select(DataNoteJson.Of),
            Planned.Where(p => p.Writes).Select(p => new MeasurementImportJson.Value(p.Action, p.Supersedes, p.PreviousValue, p.Record)));
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

/// <summary>Generated metadata for the import report (<see cref="MeasurementImportReport.JsonOptions"/>).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(MeasurementImportErrorsJson))]
[JsonSerializable(typeof(MeasurementImportJson))]
internal sealed partial class ImportJsonContext : JsonSerializerContext;
