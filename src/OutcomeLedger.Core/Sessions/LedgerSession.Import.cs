using System.Globalization;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Quality;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Sessions;

// Import: published files become an indicator's measurements, all or nothing.
public sealed partial class LedgerSession
{
    /// <summary>Entries per sequencer batch of an import: one transaction and one checkpoint each.</summary>
    public const int ImportBatchSize = 2000;

    /// <summary>
    /// Reads the files with the request's importer and records their values as the indicator's measurements, all or
    /// nothing: any bad row, or any value the ledger would refuse, writes nothing and the report lists every problem
    /// with its file, line and column. A value already current for its period and dimensions is left alone; a different
    /// one becomes a correction that supersedes it. The files are kept as evidence. What it checks costs what the
    /// files hold, not what the ledger holds. More than <see cref="ImportBatchSize"/> values are committed in batches,
    /// and <paramref name="progress"/> hears so before the first: a run stopped between two batches is finished by
    /// running it again, which logs only what is missing (<see cref="MeasurementImportReport.AlreadyLogged"/>).
    /// </summary>
    public async Task<MeasurementImportReport> ImportMeasurementsAsync(MeasurementImportRequest request, SigningKey key, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        if (request.Files.Count == 0 || request.Files.Select(f => f.FileName).Distinct(StringComparer.Ordinal).Count() != request.Files.Count)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "files", "give each file once, and at least one");
        }

        var indicator = (await RequireIndicatorAsync(request.Indicator, cancellationToken)).Record;
        if (request.Author != indicator.Reporter)
        {
            throw new LedgerRequestException(LedgerError.Refused, "as", $"indicator '{indicator.Id}' is reported by party '{indicator.Reporter}'; party '{request.Author}' cannot import its values");
        }

        await CheckSignerAsync(request.Author, key, cancellationToken);
        var files = string.Join(", ", request.Files.Select(f => f.FileName));
        var read = Read(request);
        List<DataNote> notes = [];
        MeasurementImportReport Failed(IReadOnlyList<ImportError> errors, IReadOnlyList<PlannedMeasurement>? planned = null) =>
            new(indicator, read, planned ?? [], [], errors, request.DryRun) { Notes = notes };
        if (!read.Succeeded)
        {
            return Failed(read.Errors);
        }

        if (indicator.PeriodType != PeriodType.Month)
        {
            return Failed([new ImportError(files, 0, "", $"indicator '{indicator.Id}' is measured by {ProjectionNames.Of(indicator.PeriodType)}; the importers read monthly values")]);
        }

        var errors = new List<ImportError>();
        var records = Records(request, indicator, read, errors, notes);
        if (errors.Count > 0)
        {
            return Failed(errors);
        }

        notes.AddRange(DataNotes(indicator, records));

        // The current value of each series, and then every entry checked against the ledger's rules in order, on a
        // state loaded for exactly these records: nothing is written unless every entry would be accepted.
        var latest = await LatestCheckpointAsync(cancellationToken);
        var state = await StateLoader.OpenAsync(Store, latest?.Size ?? 0, cancellationToken);
        await StateLoader.LoadAsync(state, StateNeeds.Of(records.Select(r => r.Record)), Store, cancellationToken);
        var planned = records.Select(r => state.CurrentMeasurement(r.Record) switch
        {
            null => new PlannedMeasurement(r.Record, PlannedMeasurement.New, null, null, r.File, r.Line),
            { } current when current.Record.Value == r.Record.Value => new PlannedMeasurement(r.Record, PlannedMeasurement.Unchanged, null, current.Record.Value, r.File, r.Line)
            {
                AlreadyLogged = current.Record.Author == r.Record.Author && current.Record.Source.FileSha256 is not null
                    && current.Record.Source.FileSha256 == r.Record.Source.FileSha256 && current.Record.Source.Line == r.Record.Source.Line,
            },
            { } current => new PlannedMeasurement(r.Record with { Supersedes = current.Index }, PlannedMeasurement.Correction, current.Index, current.Record.Value, r.File, r.Line),
        }).ToList();
        var writes = planned.Where(p => p.Writes).ToList();
        await StateLoader.LoadAsync(state, StateNeeds.Of(writes.Select(p => p.Record)), Store, cancellationToken);
        var entries = writes.Select(p => EntryCodec.Sign(p.Record, key)).ToList();
        var logTime = Now();
        for (var i = 0; i < entries.Count; i++)
        {
            // The rules as the sequencer applies them, its clock's included, so a file is logged whole or not at all.
            var check = state.Check(entries[i]);
            if (check.IsAccepted && LogTime.Check(check.Record!, logTime) is { Count: > 0 } untimely)
            {
                check = EntryCheck.Rejected(untimely);
            }

            if (check.IsAccepted)
            {
                state.Apply(check.Record!, Rfc6962.HashLeaf(entries[i]));
            }
            else
            {
                errors.AddRange(check.Errors.Select(e => new ImportError(writes[i].SourcePath, writes[i].SourceLine, e.Field, e.Message)));
            }
        }

        if (errors.Count > 0 || request.DryRun)
        {
            return Failed(errors, planned);
        }

        // The files are stored first (every entry cites one), and taken back if no batch is logged.
        var results = await WithEvidenceAsync(request.Files, async evidence =>
        {
            var submitted = new List<SubmitResult>(entries.Count);
            var batches = (entries.Count + ImportBatchSize - 1) / ImportBatchSize;
            progress?.Report(new ImportProgress(0, entries.Count, batches));
            foreach (var batch in entries.Chunk(ImportBatchSize))
            {
                var logged = await SubmitAsync(batch, cancellationToken);
                await evidence.LoggedAsync(logged, cancellationToken);
                submitted.AddRange(logged);
                progress?.Report(new ImportProgress(submitted.Count, entries.Count, batches));
            }

            return submitted;
        }, cancellationToken);

        var refused = results.Select((r, i) => (Result: r, Index: i)).Where(x => x.Result.Status == SubmitStatus.Rejected).ToList();
        if (refused.Count > 0)
        {
            // Only if another writer changed the ledger between the check above and the write.
            var (result, at) = refused[0];
            throw new LedgerRequestException(LedgerError.Refused,
                $"{writes[at].SourcePath}:{writes[at].SourceLine}: refused: {string.Join("; ", result.Errors)} ({refused.Count} refused, {results.Count - refused.Count} logged)", result.Errors);
        }

        return new MeasurementImportReport(indicator, read, planned, results, [], DryRun: false) { Notes = notes };
    }

    /// <summary>
    /// The data-quality notes on what the files hold, series by series (outliers, a running total that fell, gaps):
    /// prompts to check, shown with the import and never stopping it. A series that keeps its last value
    /// (<see cref="Aggregation.Last"/>) is read as a running total.
    /// </summary>
    static IEnumerable<DataNote> DataNotes(IndicatorRecord indicator, List<(MeasurementRecord Record, string File, int Line)> records) =>
        records
            .GroupBy(r => MeasurementState.Key(r.Record with { Period = default }), StringComparer.Ordinal)
            .SelectMany(g => DataQuality.Check(
                g.First().Record.Dimensions,
                [.. g.Select(r => new SeriesValue(r.Record.Period, r.Record.Value, r.File, r.Line))],
                runningTotal: indicator.Aggregation == Aggregation.Last));

    SourceRead Read(MeasurementImportRequest request)
    {
        var streams = new List<Stream>();
        try
        {
            foreach (var file in request.Files)
            {
                streams.Add(file.Open());
            }

            var options = ImportOptions.Default with { MaxYear = Time.GetUtcNow().Year };
            return SourceRead.Of(request.Format.Read([.. request.Files.Select((file, i) => new ImportInput(file.FileName, streams[i]))], options));
        }
        finally
        {
            foreach (var stream in streams)
            {
                stream.Dispose();
            }
        }
    }

    // One record per observation, its dimensions mapped to the indicator's; a second value for a series is an error.
    List<(MeasurementRecord Record, string File, int Line)> Records(MeasurementImportRequest request, IndicatorRecord indicator, SourceRead read, List<ImportError> errors, List<DataNote> notes)
    {
        var hashes = read.Sources.ToDictionary(s => s.FileName, s => s.Sha256!.Value.ToHex(), StringComparer.Ordinal);
        var now = Now();
        var dataset = request.Dataset ?? request.Format.Dataset;
        var url = request.Url ?? request.Format.Url;
        var seen = new Dictionary<string, ImportedObservation>(StringComparer.Ordinal);
        var records = new List<(MeasurementRecord, string, int)>();
        foreach (var o in read.Items)
        {
            if (request.Mapping.Apply(o, indicator, errors) is not { } dimensions)
            {
                continue;
            }

            var record = new MeasurementRecord
            {
                Author = request.Author,
                RecordedAt = now,
                Indicator = indicator.Id,
                Period = o.Period,
                Dimensions = dimensions,
                Value = o.Value,
                Source = new MeasurementSource(dataset, url, Path.GetFileName(o.SourceFile), hashes[o.SourceFile], o.SourceLine > 0 ? o.SourceLine : null, request.Release),
                Note = o.Note,
                Provisional = request.Provisional || request.Format.IsProvisional(o),
            };
            var series = MeasurementState.Key(record);
            if (!seen.TryAdd(series, o))
            {
                // The same period twice (across files or rows): the same figure is a note and is logged once; two figures are an error naming both.
                var first = seen[series];
                if (DataQuality.Repeat(dimensions, new SeriesValue(first.Period, first.Value, first.SourceFile, first.SourceLine), new SeriesValue(o.Period, o.Value, o.SourceFile, o.SourceLine)) is { } repeat)
                {
                    notes.Add(repeat);
                    continue;
                }

                var described = string.Join(", ", dimensions.Select(d => $"{d.Key}={d.Value}"));
                errors.Add(new ImportError(o.SourceFile, o.SourceLine, "", $"a second value for {record.Period} {described}".TrimEnd()
                    + $" once dimensions are mapped: {o.Value.ToString(CultureInfo.InvariantCulture)} here, {first.Value.ToString(CultureInfo.InvariantCulture)} at {first.SourceFile}:{first.SourceLine}"));
                continue;
            }

            records.Add((record, o.SourceFile, o.SourceLine));
        }

        return records;
    }
}
