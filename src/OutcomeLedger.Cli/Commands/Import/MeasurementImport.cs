using System.Globalization;
using OutcomeLedger.Cli.Commands.Measure;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Transparency;
using OutcomeLedger.Storage;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Import;

/// <summary>
/// Runs an importer and records its observations as an indicator's measurements, all or nothing: any bad row, or
/// any value the ledger would refuse, imports nothing and every problem is listed with its file, line and column.
/// A value already current for its period and dimensions is skipped; a different value becomes a correction that
/// supersedes it. The writes go through one sequencer in batches.
/// </summary>
internal static class MeasurementImport
{
    /// <summary>Entries per sequencer batch: one transaction and one checkpoint each.</summary>
    public const int BatchSize = 2000;

    const int ProgressThreshold = 500;
    const int SkippedShown = 10;

    public static async Task<int> RunAsync(CommandContext context, ImportSettings settings, SourceFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(format);
        var parse = context.Parse;
        var paths = parse.GetRequiredValue(settings.Files);
        if (paths.Distinct(StringComparer.Ordinal).Count() != paths.Length)
        {
            throw CliError.Usage("a file is given twice");
        }

        foreach (var path in paths.Where(p => !File.Exists(p)))
        {
            throw CliError.Environment($"file '{path}' does not exist");
        }

        var mapping = new DimensionMapping(
            ValueOptions.Pairs("--dimension-name", parse.GetValue(settings.DimensionName)),
            ValueOptions.Pairs("--dimension-value", parse.GetValue(settings.DimensionValue)),
            ValueOptions.Pairs("--set-dimension", parse.GetValue(settings.SetDimension)));
        var dryRun = parse.GetValue(settings.DryRun);

        await using var ledger = await context.OpenLedgerAsync(cancellationToken);
        var (state, _) = await ledger.LoadStateAsync(null, cancellationToken);
        var indicatorId = new IndicatorId(parse.GetRequiredValue(settings.Indicator));
        if (!state.Indicators.TryGetValue(indicatorId, out var logged))
        {
            throw CliError.Check($"indicator '{indicatorId}' does not exist (see 'outcomes indicator list')");
        }

        var indicator = logged.Record;
        var author = settings.Author(parse);
        if (author != indicator.Reporter)
        {
            throw CliError.Check($"indicator '{indicatorId}' is reported by party '{indicator.Reporter}'; party '{author}' cannot import its values");
        }

        using var key = AuthorKey.Load(context, settings.Key, author, state, ledger);
        var read = Read(paths, format);
        if (!read.Succeeded)
        {
            return Fail(context, read.Errors, paths);
        }

        if (indicator.PeriodType != PeriodType.Month)
        {
            return Fail(context, [new ImportError(string.Join(", ", paths), 0, "", $"indicator '{indicatorId}' is measured by {ValueOptions.Name(indicator.PeriodType)}; the importers read monthly values")], paths);
        }

        var errors = new List<ImportError>();
        var planned = Plan(read, format, indicator, author, mapping, state, parse.GetValue(settings.Dataset) ?? format.Dataset, parse.GetValue(settings.Url) ?? format.Url, parse.GetValue(settings.Provisional), errors);
        if (errors.Count > 0)
        {
            return Fail(context, errors, paths);
        }

        // Check every entry against the ledger's rules on the replayed state, in order, so that the ledger's
        // refusals are all or nothing too: nothing is written unless every entry would be accepted.
        var writes = planned.Where(p => p.Writes).ToList();
        var entries = writes.Select(p => EntryCodec.Sign(p.Record, key)).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var check = state.Check(entries[i]);
            if (check.IsAccepted)
            {
                state.Apply(check.Record!, Rfc6962.HashLeaf(entries[i]));
            }
            else
            {
                errors.AddRange(check.Errors.Select(e => new ImportError(writes[i].SourcePath, writes[i].SourceLine, e.Field, e.Message)));
            }
        }

        if (errors.Count > 0)
        {
            return Fail(context, errors, paths);
        }

        if (dryRun)
        {
            Report(context, indicator, read, planned, dryRun: true, []);
            return ExitCodes.Ok;
        }

        await Evidence.PutAsync(ledger, paths, "files", cancellationToken);
        var results = entries.Count == 0 ? [] : await SubmitAsync(context, ledger, entries, cancellationToken);
        var refused = results.Select((r, i) => (r, i)).Where(x => x.r.Status == SubmitStatus.Rejected).ToList();
        if (refused.Count > 0)
        {
            // Only if another writer changed the ledger between the check above and the write.
            var (result, i) = refused[0];
            throw CliError.Check($"{writes[i].SourcePath}:{writes[i].SourceLine}: refused: {string.Join("; ", result.Errors)} ({refused.Count} refused, {results.Count - refused.Count} logged)");
        }

        Report(context, indicator, read, planned, dryRun: false, results);
        return ExitCodes.Ok;
    }

    static SourceRead Read(string[] paths, SourceFormat format)
    {
        var streams = new List<FileStream>();
        try
        {
            foreach (var path in paths)
            {
                streams.Add(File.OpenRead(path));
            }

            var options = ImportOptions.Default with { MaxYear = TimeProvider.System.GetUtcNow().Year };
            return SourceRead.Of(format.Read([.. paths.Select((path, i) => new ImportInput(path, streams[i]))], options));
        }
        finally
        {
            foreach (var stream in streams)
            {
                stream.Dispose();
            }
        }
    }

    static List<PlannedMeasurement> Plan(
        SourceRead read, SourceFormat format, IndicatorRecord indicator, PartyId author, DimensionMapping mapping,
        LedgerState state, string dataset, string? url, bool allProvisional, List<ImportError> errors)
    {
        var hashes = read.Sources.ToDictionary(s => s.FileName, s => s.Sha256!.Value.ToHex(), StringComparer.Ordinal);
        var now = Submission.Now(TimeProvider.System);
        var seen = new Dictionary<string, ImportedObservation>(StringComparer.Ordinal);
        var planned = new List<PlannedMeasurement>();
        foreach (var o in read.Items)
        {
            if (mapping.Apply(o, indicator, errors) is not { } dimensions)
            {
                continue;
            }

            var record = new MeasurementRecord
            {
                Author = author,
                RecordedAt = now,
                Indicator = indicator.Id,
                Period = Period.Parse(o.Period),
                Dimensions = dimensions,
                Value = o.Value,
                Source = new MeasurementSource(dataset, url, Path.GetFileName(o.SourceFile), hashes[o.SourceFile], o.SourceLine > 0 ? o.SourceLine : null),
                Note = o.Note,
                Provisional = allProvisional || format.IsProvisional(o),
            };
            var series = $"{record.Period} {MeasurementStatus.Dimensions(dimensions)}";
            if (!seen.TryAdd(series, o))
            {
                var first = seen[series];
                errors.Add(new ImportError(o.SourceFile, o.SourceLine, "", $"a second value for {series.TrimEnd()} once dimensions are mapped; the first is {first.SourceFile}:{first.SourceLine}"));
                continue;
            }

            var current = state.CurrentMeasurement(record);
            planned.Add(current switch
            {
                null => new PlannedMeasurement(record, PlannedMeasurement.New, null, null, o.SourceFile, o.SourceLine),
                _ when current.Record.Value == record.Value => new PlannedMeasurement(record, PlannedMeasurement.Unchanged, null, current.Record.Value, o.SourceFile, o.SourceLine),
                _ => new PlannedMeasurement(record with { Supersedes = current.Index }, PlannedMeasurement.Correction, current.Index, current.Record.Value, o.SourceFile, o.SourceLine),
            });
        }

        return planned;
    }

    /// <summary>Lists every problem (one line each on stderr; also as JSON with --json) and fails: nothing was imported.</summary>
    static int Fail(CommandContext context, IReadOnlyList<ImportError> errors, string[] paths)
    {
        foreach (var error in errors)
        {
            context.Error.WriteLine(error.ToString());
        }

        if (context.Json)
        {
            context.WriteJson(new { imported = false, errors = errors.Select(e => new { file = e.File, line = e.Line, column = e.Column, message = e.Message }) });
        }

        var rows = errors.Select(e => (e.File, e.Line)).Distinct().Count();
        throw CliError.Check($"{errors.Count} problem{(errors.Count == 1 ? "" : "s")} in {rows} row{(rows == 1 ? "" : "s")} of {string.Join(", ", paths)}; nothing was imported");
    }

    static async Task<List<SubmitResult>> SubmitAsync(CommandContext context, LedgerFolder ledger, List<byte[]> entries, CancellationToken cancellationToken)
    {
        using var sequencer = await ledger.OpenSequencerAsync(cancellationToken);
        var results = new List<SubmitResult>(entries.Count);
        async Task RunAsync(Action<int>? advance)
        {
            foreach (var batch in entries.Chunk(BatchSize))
            {
                results.AddRange(await sequencer.SubmitAsync(batch, cancellationToken));
                advance?.Invoke(batch.Length);
            }
        }

        // A bar only for people watching a terminal: never in --json output or when stdout is redirected or captured.
        if (entries.Count >= ProgressThreshold && !context.Json && ReferenceEquals(context.Output, Console.Out) && !Console.IsOutputRedirected)
        {
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Logging measurements", maxValue: entries.Count);
                await RunAsync(n => task.Increment(n));
            });
        }
        else
        {
            await RunAsync(null);
        }

        return results;
    }

    static void Report(CommandContext context, IndicatorRecord indicator, SourceRead read, List<PlannedMeasurement> planned, bool dryRun, List<SubmitResult> results)
    {
        var added = planned.Count(p => p.Action == PlannedMeasurement.New);
        var unchanged = planned.Count(p => p.Action == PlannedMeasurement.Unchanged);
        var corrected = planned.Count(p => p.Action == PlannedMeasurement.Correction);
        var indices = results.Where(r => r.Index is not null).Select(r => r.Index!.Value).ToList();
        var checkpoint = results.Select(r => r.CheckpointSize).LastOrDefault(size => size is not null);
        if (context.Json)
        {
            context.WriteJson(new
            {
                imported = !dryRun,
                dryRun,
                indicator = indicator.Id,
                files = read.Sources.Select(s => new { file = s.FileName, sha256 = s.Sha256?.ToHex(), bytes = s.ByteCount }),
                @new = added,
                unchanged,
                corrected,
                firstEntry = indices.Count == 0 ? (ulong?)null : indices.Min(),
                lastEntry = indices.Count == 0 ? (ulong?)null : indices.Max(),
                checkpoint,
                skipped = read.Skipped,
                measurements = planned.Where(p => p.Writes).Select(p => new { action = p.Action, supersedes = p.Supersedes, previousValue = p.PreviousValue, measurement = p.Record }),
            });
            return;
        }

        var writes = planned.Where(p => p.Writes).ToList();
        if (dryRun && writes.Count > 0)
        {
            var table = new Table().AddColumns("Period", "Dimensions", $"Value ({Markup.Escape(indicator.Unit)})", "Action", "Source", "Note");
            foreach (var p in writes)
            {
                var action = p.Action == PlannedMeasurement.Correction
                    ? $"corrects entry {p.Supersedes} (was {ValueOptions.Format(p.PreviousValue!.Value)})"
                    : "new" + (p.Record.Provisional ? ", provisional" : "");
                table.AddRow(
                    p.Record.Period.ToString(), Markup.Escape(MeasurementStatus.Dimensions(p.Record.Dimensions)), ValueOptions.Format(p.Record.Value),
                    Markup.Escape(action), Markup.Escape($"{p.Record.Source.FileName}:{p.SourceLine}"), Markup.Escape(p.Record.Note ?? ""));
            }

            TableOutput.Write(context, table);
        }

        var counts = $"{added} new, {unchanged} unchanged, {corrected} corrected";
        if (dryRun)
        {
            context.Output.WriteLine($"Dry run for '{indicator.Id}': {counts}. Nothing was written.");
        }
        else
        {
            var where = indices.Count == 0 ? "nothing added" : $"entries {indices.Min()}–{indices.Max()}, checkpoint {checkpoint}";
            context.Output.WriteLine($"Imported into '{indicator.Id}': {counts} ({where}).");
            foreach (var p in writes.Where(p => p.Action == PlannedMeasurement.Correction))
            {
                context.Output.WriteLine($"  corrected {p.Record.Period} {MeasurementStatus.Dimensions(p.Record.Dimensions)}: {ValueOptions.Format(p.PreviousValue!.Value)} → {ValueOptions.Format(p.Record.Value)} (supersedes entry {p.Supersedes})");
            }
        }

        foreach (var source in read.Sources)
        {
            context.Output.WriteLine($"Source {source.FileName}: SHA-256 {source.Sha256?.ToHex()}, {source.ByteCount.ToString(CultureInfo.InvariantCulture)} bytes{(dryRun ? "" : ", kept in the evidence store")}.");
        }

        if (read.Skipped.Count > 0)
        {
            context.Output.WriteLine($"Skipped {read.Skipped.Count} row{(read.Skipped.Count == 1 ? "" : "s")} the publisher gave no value for (a gap, not a zero):");
            foreach (var skipped in read.Skipped.Take(SkippedShown))
            {
                context.Output.WriteLine($"  {skipped.File}:{skipped.Line} {skipped.Period}: {skipped.Reason}");
            }

            if (read.Skipped.Count > SkippedShown)
            {
                context.Output.WriteLine($"  … and {read.Skipped.Count - SkippedShown} more (--json lists them all)");
            }
        }
    }
}
