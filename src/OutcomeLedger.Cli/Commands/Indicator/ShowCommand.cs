using System.CommandLine;
using OutcomeLedger.Cli.Commands.Measure;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Indicator;

/// <summary><c>outcomes indicator show &lt;id&gt;</c>: one indicator's definition, then its measurements with their verification states.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The indicator's id" };
        var all = new Option<bool>("--all") { Description = "Include superseded values (corrections keep the old ones in the log)" };
        var paging = new PageOptions();
        var command = new Command("show", "Show an indicator and its measurements") { id, all };
        command.Options.Add(TableOutput.Format);
        paging.AddTo(command);
        Examples.Add(command, "outcomes indicator show sw-border-fentanyl-seizures");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var indicatorId = new IndicatorId(context.Parse.GetRequiredValue(id));
            var logged = await ledger.Session.RequireIndicatorAsync(indicatorId, ct);
            var page = await ledger.Session.ListMeasurementsAsync(
                new MeasurementQuery { Indicator = indicatorId, IncludeSuperseded = context.Parse.GetValue(all) }, paging.PageOf(context.Parse), ct);
            var measurements = page.Items;
            var freshness = await ledger.Session.FreshnessAsync(logged.Record, ct);
            if (context.Json)
            {
                context.WriteJson(new { entry = logged.Index, indicator = logged.Record, freshness, measurements = measurements.Select(MeasurementStatus.Json) });
                return ExitCodes.Ok;
            }

            var r = logged.Record;
            var text = context.Text;
            var terms = await ledger.Session.FindTermsAsync(logged.Index, ct);
            var grid = new Grid().AddColumn().AddColumn();
            void Line(string label, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    grid.AddRow(Markup.Escape(label), Markup.Escape(value));
                }
            }

            Line(text.Indicator, TextCatalogue.Fill(text.IndicatorEntry, ("id", r.Id.Value), ("index", ValueOptions.Format(logged.Index))));
            Line(text.Name, r.Name);
            Line(text.Commitment, r.Commitment.Value);
            Line(text.Unit, TextCatalogue.Fill(
                text.UnitLine,
                ("unit", r.Unit),
                ("measure", ValueOptions.Name(r.MeasureType)),
                ("aggregation", ValueOptions.Name(r.Aggregation)),
                ("period", ValueOptions.Name(r.PeriodType)),
                ("direction", ValueOptions.Name(r.Direction))));
            Line(text.Reporter, r.Reporter.Value);
            Line(text.Terms, text.TermsSummary(terms));
            Line(text.Dimensions, string.Join("; ", r.Dimensions.Select(d => $"{d.Key}: {string.Join(", ", d.Value)}")));
            if (r.Baseline is { } b)
            {
                Line(text.Baseline, TextCatalogue.Fill(text.FromTo, ("from", b.From.ToString()), ("to", b.To.ToString()))
                    + (b.Value is { } v ? $": {ValueOptions.Format(v)}" : text.MeanOfCountedValues));
            }

            foreach (var t in r.Targets)
            {
                var what = t.RelativeChange is { } change
                    ? TextCatalogue.Fill(text.AgainstTheBaseline, ("change", ValueOptions.Format(change * 100)))
                    : ValueOptions.Format(t.Value!.Value);
                Line(text.Target, TextCatalogue.Fill(text.TargetBy, ("target", what), ("date", ValueOptions.Format(t.By)), ("basis", t.Basis == TargetBasis.Illustrative ? text.IllustrativeShort : text.TargetBasis(terms)))
                    + (t.Note is null ? "" : $": {t.Note}"));
            }

            Line(text.DataSource, r.DataSource);
            Line(text.Freshness, freshness is null ? null : text.FreshnessLine(freshness));
            Line(text.Verification, r.VerificationProtocol);
            Line(text.PairedWith, r.PairedIndicator is { } p ? $"{p}: {r.PairedReading}" : null);
            Line(text.Caveat, r.Caveat);
            TableOutput.Write(context, grid);
            context.Console.WriteLine();
            if (measurements.Count == 0)
            {
                context.Output.WriteLine(text.NoMeasurementsYet);
                return ExitCodes.Ok;
            }

            TableOutput.Write(context, MeasurementStatus.Table(measurements, r.Unit, text));
            PageOptions.WriteFooter(context, page, text);
            return ExitCodes.Ok;
        });
        return command;
    }
}
