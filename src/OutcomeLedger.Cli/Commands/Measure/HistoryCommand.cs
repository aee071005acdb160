using System.CommandLine;
using System.Globalization;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Measure;

/// <summary>
/// <c>outcomes measure history --indicator &lt;id&gt; --period &lt;p&gt; [--dim name=value] [--chart out.svg]</c>: one
/// value's revisions, every figure logged for it in order (the session's <see cref="LedgerSession.ValueRevisionsAsync"/>),
/// as a table (TSV off a terminal) or JSON, and its chart as an SVG file (the dashboard's).
/// </summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var indicator = new Option<string>("--indicator") { Description = "The indicator whose value to show", Required = true };
        var period = ValueOptions.Period("--period", "The value's period: YYYY-MM, YYYY-Qn or YYYY (the indicator's period type)", required: true);
        var dimensions = new Option<string[]>("--dim") { Description = "The value's dimension value: component=ofo (repeatable; none for the headline value)", HelpName = "name=value" };
        var chart = new Option<string?>("--chart") { Description = "Write the revisions' chart to this SVG file", HelpName = "file" };
        var command = new Command("history", "Show one value's revisions: every figure logged for it, first to current") { indicator, period, dimensions, chart };
        command.Options.Add(TableOutput.Format);
        Examples.Add(command,
            "outcomes measure history --indicator synthetic-opioid-deaths --period 2025-03",
            "outcomes measure history --indicator transfers --period 2026-01 --dim kind=extradition --chart transfers-2026-01.svg --json");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            var request = new ValueRevisionsRequest(new IndicatorId(parse.GetRequiredValue(indicator)), parse.GetValue(period)!.Value)
            {
                Dimensions = ValueOptions.Pairs("--dim", parse.GetValue(dimensions)),
            };
            var chartPath = parse.GetValue(chart);
            await using var ledger = await context.OpenLedgerAsync(ct);
            var revisions = await ledger.Session.ValueRevisionsAsync(request, ct);
            var text = context.Text;
            if (chartPath is not null)
            {
                await OutputFile.WriteAsync(chartPath, System.Text.Encoding.UTF8.GetBytes(ScorecardChart.StandaloneRevisions(revisions, text)), "--chart", ct);
            }

            if (context.Json)
            {
                context.WriteJson(Json(revisions, chartPath is null ? null : Path.GetFullPath(chartPath)), CliJsonContext.Output.ValueHistoryJson);
                return ExitCodes.Ok;
            }

            if (!TableOutput.IsTsv(context))
            {
                context.Output.WriteLine(ScorecardChart.RevisionsTitle(revisions, text));
            }

            TableOutput.Write(context, Table(revisions, text));
            if (chartPath is not null && !TableOutput.IsTsv(context))
            {
                context.Output.WriteLine(TextCatalogue.Fill(text.Chart.ChartWritten, ("path", Path.GetFullPath(chartPath))));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The revisions for --json: every figure exactly, in order.</summary>
    internal static ValueHistoryJson Json(ValueRevisions revisions, string? chart) => new(
        revisions.Indicator.Value,
        revisions.Period.ToString(),
        revisions.Dimensions,
        revisions.Unit,
        revisions.Revisions.Select((r, i) => new ValueRevisionJson(i + 1, r.Entry, r.Figure, r.Reporter.Value, r.Release, r.RecordedAt, r.Provisional, r.Current, r.Supersedes, r.Reason)),
        chart);

    /// <summary>The revisions as a table: number, figure (rounded for people), release, recording date, flags, reason and entry.</summary>
    static Table Table(ValueRevisions revisions, TextCatalogue text)
    {
        var f = text.Format;
        var figures = ScorecardChart.RevisionFigures(revisions.Revisions, f);
        var table = new Table().AddColumns(
            Markup.Escape(text.Chart.Revision), Markup.Escape(TextCatalogue.Fill(text.ValueIn, ("unit", revisions.Unit))), Markup.Escape(text.Chart.Release),
            Markup.Escape(text.Chart.Recorded), Markup.Escape(text.Status), Markup.Escape(text.Chart.CorrectionReason), Markup.Escape(text.EntryHeading));
        for (var i = 0; i < revisions.Revisions.Count; i++)
        {
            var r = revisions.Revisions[i];
            var status = (r.Current ? text.Chart.CurrentFigure : text.Chart.SupersededFigure) + (r.Provisional ? ", " + text.Provisional : "");
            var entry = ValueOptions.Format(r.Entry) + (r.Supersedes is { } old ? TextCatalogue.Fill(text.CorrectsEntry, ("entry", ValueOptions.Format(old))) : "");
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(figures[i]), r.Release is { } release ? ValueOptions.Format(release) : Markup.Escape(text.Chart.NotStated),
                ValueOptions.Format(DateOnly.FromDateTime(r.RecordedAt.UtcDateTime)), Markup.Escape(status), Markup.Escape(r.Reason ?? "—"), Markup.Escape(entry));
        }

        return table;
    }
}
