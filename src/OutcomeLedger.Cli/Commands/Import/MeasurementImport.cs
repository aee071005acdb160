using System.Globalization;
using OutcomeLedger.Cli.Commands.Measure;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Import;

/// <summary>
/// The CLI's side of an import: the files and options in, the session's import (all or nothing, every problem named
/// with its file, line and column) run, and its report written as a table, a progress bar for people watching, or JSON.
/// </summary>
internal static class MeasurementImport
{
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

        var request = new MeasurementImportRequest
        {
            Indicator = new IndicatorId(parse.GetRequiredValue(settings.Indicator)),
            Author = settings.Author(parse),
            Files = [.. paths.Select(path => new ImportFile(path, () => File.OpenRead(path)))],
            Format = format,
            Mapping = new DimensionMapping(
                ValueOptions.Pairs("--dimension-name", parse.GetValue(settings.DimensionName)),
                ValueOptions.Pairs("--dimension-value", parse.GetValue(settings.DimensionValue)),
                ValueOptions.Pairs("--set-dimension", parse.GetValue(settings.SetDimension))),
            Dataset = parse.GetValue(settings.Dataset),
            Url = parse.GetValue(settings.Url),
            Provisional = parse.GetValue(settings.Provisional),
            DryRun = parse.GetValue(settings.DryRun),
        };

        await using var ledger = await context.OpenLedgerAsync(cancellationToken);
        await ledger.Session.RequireIndicatorAsync(request.Indicator, cancellationToken);
        using var key = await AuthorKey.LoadAsync(context, settings.Key, request.Author, ledger, cancellationToken);
        MeasurementImportReport report;

        // A bar only for people watching a terminal: never in --json output or when stdout is redirected or captured.
        if (!request.DryRun && !context.Json && ReferenceEquals(context.Output, Console.Out) && !Console.IsOutputRedirected)
        {
            report = null!;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                ProgressTask? bar = null;
                report = await ledger.Session.ImportMeasurementsAsync(request, key, new Progress<int>(logged =>
                {
                    bar ??= progress.AddTask("Logging measurements", maxValue: Math.Max(logged, ProgressThreshold));
                    bar.Value = logged;
                }), cancellationToken);
            });
        }
        else
        {
            report = await ledger.Session.ImportMeasurementsAsync(request, key, null, cancellationToken);
        }

        if (!report.Succeeded)
        {
            return Fail(context, report, paths);
        }

        if (context.Json)
        {
            context.WriteJson(report.ToJson());
            return ExitCodes.Ok;
        }

        Report(context, report.Indicator, report.Read, [.. report.Planned], report.DryRun, [.. report.Results]);
        return ExitCodes.Ok;
    }

    /// <summary>Lists every problem (one line each on stderr; also as JSON with --json) and fails: nothing was imported.</summary>
    static int Fail(CommandContext context, MeasurementImportReport report, string[] paths)
    {
        var errors = report.Errors;
        foreach (var error in errors)
        {
            context.Error.WriteLine(error.ToString());
        }

        if (context.Json)
        {
            context.WriteJson(report.ToJson());
        }

        var rows = errors.Select(e => (e.File, e.Line)).Distinct().Count();
        throw CliError.Check($"{errors.Count} problem{(errors.Count == 1 ? "" : "s")} in {rows} row{(rows == 1 ? "" : "s")} of {string.Join(", ", paths)}; nothing was imported");
    }

    static void Report(CommandContext context, IndicatorRecord indicator, SourceRead read, List<PlannedMeasurement> planned, bool dryRun, List<SubmitResult> results)
    {
        var added = planned.Count(p => p.Action == PlannedMeasurement.New);
        var unchanged = planned.Count(p => p.Action == PlannedMeasurement.Unchanged);
        var corrected = planned.Count(p => p.Action == PlannedMeasurement.Correction);
        var indices = results.Where(r => r.Index is not null).Select(r => r.Index!.Value).ToList();
        var checkpoint = results.Select(r => r.CheckpointSize).LastOrDefault(size => size is not null);
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
