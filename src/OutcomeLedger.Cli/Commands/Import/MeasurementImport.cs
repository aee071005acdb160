using System.Globalization;
using OutcomeLedger.Cli.Commands.Measure;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;
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
        var request = new MeasurementImportRequest
        {
            Indicator = new IndicatorId(parse.GetRequiredValue(settings.Indicator)),
            Author = settings.Author(parse),
            Files = settings.InputFiles(parse),
            Format = format,
            Mapping = settings.Mapping(parse),
            Dataset = parse.GetValue(settings.Dataset),
            Url = parse.GetValue(settings.Url),
            Provisional = parse.GetValue(settings.Provisional),
            Release = parse.GetValue(settings.Release),
            DryRun = parse.GetValue(settings.DryRun),
        };

        await using var ledger = await context.OpenLedgerAsync(cancellationToken);
        await ledger.Session.RequireIndicatorAsync(request.Indicator, cancellationToken);
        using var key = await AuthorKey.LoadAsync(context, settings.Key, request.Author, ledger, cancellationToken);
        MeasurementImportReport report;

        // Before the first of several batches, people (and scripts, on stderr) hear how it commits and how to finish it.
        void Announce(ImportProgress at)
        {
            if (at.Logged == 0 && at.Batches > 1)
            {
                context.Error.WriteLine(TextCatalogue.Fill(context.Text.ImportInBatches,
                    ("total", at.Total.ToString(CultureInfo.InvariantCulture)), ("batches", at.Batches.ToString(CultureInfo.InvariantCulture)),
                    ("size", Core.Sessions.LedgerSession.ImportBatchSize.ToString(CultureInfo.InvariantCulture))));
            }
        }

        // A bar only for people watching a terminal: never in --json output or when stdout is redirected or captured.
        if (!request.DryRun && !context.Json && ReferenceEquals(context.Output, Console.Out) && !Console.IsOutputRedirected)
        {
            report = null!;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                ProgressTask? bar = null;
                report = await ledger.Session.ImportMeasurementsAsync(request, key, new Reported<ImportProgress>(at =>
                {
                    Announce(at);
                    bar ??= progress.AddTask(Markup.Escape(context.Text.ImportProgress), maxValue: Math.Max(at.Total, ProgressThreshold));
                    bar.Value = at.Logged;
                }), cancellationToken);
            });
        }
        else
        {
            report = await ledger.Session.ImportMeasurementsAsync(request, key, new Reported<ImportProgress>(Announce), cancellationToken);
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

        Report(context, context.Text, report);
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

    /// <summary>What the import did (or, in a dry run, would do), in the reader's language: the values a dry run would write, the counts, each correction, each file read, and the rows skipped.</summary>
    static void Report(CommandContext context, TextCatalogue text, MeasurementImportReport report)
    {
        var indicator = report.Indicator;
        var dryRun = report.DryRun;
        var read = report.Read;
        var indices = report.Entries;
        var writes = report.Planned.Where(p => p.Writes).ToList();
        static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
        if (dryRun && writes.Count > 0)
        {
            var table = new Table().AddColumns(
                new[] { text.Period, text.Dimensions, TextCatalogue.Fill(text.ValueIn, ("unit", indicator.Unit)), text.Action, text.Source, text.Note }
                    .Select(Markup.Escape).ToArray());
            foreach (var p in writes)
            {
                var action = p.Action == PlannedMeasurement.Correction
                    ? TextCatalogue.Fill(text.ImportCorrects, ("entry", ValueOptions.Format(p.Supersedes!.Value)), ("value", ValueOptions.Format(p.PreviousValue!.Value)))
                    : p.Record.Provisional ? text.ImportNewProvisional : text.ImportNew;
                table.AddRow(
                    p.Record.Period.ToString(), Markup.Escape(MeasurementStatus.Dimensions(p.Record.Dimensions)), ValueOptions.Format(p.Record.Value),
                    Markup.Escape(action), Markup.Escape($"{p.Record.Source.FileName}:{p.SourceLine}"), Markup.Escape(p.Record.Note ?? ""));
            }

            TableOutput.Write(context, table);
        }

        var counts = TextCatalogue.Fill(text.ImportCounts, ("new", Number(report.New)), ("unchanged", Number(report.Unchanged)), ("corrected", Number(report.Corrected)));
        if (dryRun)
        {
            context.Output.WriteLine(TextCatalogue.Fill(text.ImportDryRun, ("indicator", indicator.Id.Value), ("counts", counts)));
        }
        else
        {
            var where = indices.Count == 0
                ? text.ImportNothingAdded
                : TextCatalogue.Fill(text.ImportEntries, ("first", ValueOptions.Format(indices.Min())), ("last", ValueOptions.Format(indices.Max())), ("checkpoint", report.Checkpoint is { } size ? ValueOptions.Format(size) : ""));
            context.Output.WriteLine(TextCatalogue.Fill(text.ImportDone, ("indicator", indicator.Id.Value), ("counts", counts), ("where", where)));
            if (report.AlreadyLogged > 0)
            {
                context.Output.WriteLine(TextCatalogue.Fill(text.ImportResumed, ("count", Number(report.AlreadyLogged))));
            }
            foreach (var p in writes.Where(p => p.Action == PlannedMeasurement.Correction && report.Revisions.Release is null))
            {
                context.Output.WriteLine(TextCatalogue.Fill(
                    text.ImportCorrected,
                    ("period", p.Record.Period.ToString()),
                    ("dimensions", MeasurementStatus.Dimensions(p.Record.Dimensions)),
                    ("old", ValueOptions.Format(p.PreviousValue!.Value)),
                    ("new", ValueOptions.Format(p.Record.Value)),
                    ("entry", ValueOptions.Format(p.Supersedes!.Value))));
            }
        }

        if (report.Revisions is { Release: { } release } revisions)
        {
            Revisions(context, text, indicator, release, revisions);
        }

        foreach (var source in read.Sources)
        {
            context.Output.WriteLine(TextCatalogue.Fill(
                dryRun ? text.ImportSource : text.ImportSourceKept,
                ("file", source.FileName),
                ("sha256", source.Sha256?.ToHex() ?? ""),
                ("bytes", Number(source.ByteCount))));
        }

        if (read.Skipped.Count > 0)
        {
            context.Output.WriteLine(text.ImportSkipped.Of(read.Skipped.Count));
            foreach (var skipped in read.Skipped.Take(SkippedShown))
            {
                var reason = skipped.Code is { } code ? TextCatalogue.Fill(text.SkipReason(code), [.. skipped.Values.Select(v => (v.Key, v.Value))]) : skipped.Reason;
                context.Output.WriteLine($"  {skipped.File}:{skipped.Line} {skipped.Period}: {reason}");
            }

            if (read.Skipped.Count > SkippedShown)
            {
                context.Output.WriteLine(TextCatalogue.Fill(text.ImportSkippedMore, ("n", Number(read.Skipped.Count - SkippedShown))));
            }
        }

        Notes(context, text, report);
    }

    /// <summary>The data-quality notes, each with the file and line it points at: never silent, and worded as prompts to check.</summary>
    static void Notes(CommandContext context, TextCatalogue text, MeasurementImportReport report)
    {
        if (report.Notes.Count == 0)
        {
            return;
        }

        context.Output.WriteLine($"{text.DataNotesHeading} ({report.Notes.Count.ToString(CultureInfo.InvariantCulture)}): {text.DataNotesExplained}");
        foreach (var note in report.Notes)
        {
            var where = note.File is null ? "" : $"{note.File}{(note.Line is { } line ? ":" + line.ToString(CultureInfo.InvariantCulture) : "")} ";
            context.Output.WriteLine($"  {where}{text.DataNoteSentence(note, p => p.ToString(), ValueOptions.Format)}");
        }
    }

    /// <summary>The revision report of a release: what it added, changed and left, and the largest revisions as a table.</summary>
    static void Revisions(CommandContext context, TextCatalogue text, IndicatorRecord indicator, DateOnly release, RevisionReport revisions)
    {
        context.Output.WriteLine(TextCatalogue.Fill(
            text.RevisionSummary,
            ("release", ValueOptions.Format(release)),
            ("added", revisions.Added.ToString(CultureInfo.InvariantCulture)),
            ("changed", revisions.Changed.ToString(CultureInfo.InvariantCulture)),
            ("unchanged", revisions.Unchanged.ToString(CultureInfo.InvariantCulture))));
        if (revisions.Largest.Count == 0)
        {
            return;
        }

        context.Output.WriteLine(text.RevisionLargest);
        var table = new Table().AddColumns(
            new[] { text.Period, text.Dimensions, TextCatalogue.Fill(text.RevisionBefore, ("unit", indicator.Unit)), TextCatalogue.Fill(text.RevisionAfter, ("unit", indicator.Unit)), text.RevisionChange, text.RevisionSupersedes }
                .Select(Markup.Escape).ToArray());
        foreach (var r in revisions.Largest)
        {
            var change = (r.Change > 0 ? "+" : "") + ValueOptions.Format(r.Change)
                + (r.RelativeChange is { } relative ? $" ({(relative > 0 ? "+" : "")}{context.Text.Format.Fixed(relative * 100, 1)}%)" : "");
            table.AddRow(
                r.Period.ToString(), Markup.Escape(MeasurementStatus.Dimensions(r.Dimensions)), ValueOptions.Format(r.Previous), ValueOptions.Format(r.Value),
                Markup.Escape(change), ValueOptions.Format(r.Supersedes));
        }

        TableOutput.Write(context, table);
    }

    /// <summary>Progress heard at once, on the reporting thread (<see cref="Progress{T}"/> would post it for later, out of order).</summary>
    sealed class Reported<T>(Action<T> heard) : IProgress<T>
    {
        public void Report(T value) => heard(value);
    }
}
