using System.CommandLine;
using OutcomeLedger.Cli.Commands.Measure;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
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
            if (context.Json)
            {
                context.WriteJson(new { entry = logged.Index, indicator = logged.Record, measurements = measurements.Select(MeasurementStatus.Json) });
                return ExitCodes.Ok;
            }

            var r = logged.Record;
            var grid = new Grid().AddColumn().AddColumn();
            void Line(string label, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    grid.AddRow(label, Markup.Escape(value));
                }
            }

            Line("Indicator", $"{r.Id} (entry {logged.Index})");
            Line("Name", r.Name);
            Line("Commitment", r.Commitment.Value);
            Line("Unit", $"{r.Unit} ({ValueOptions.Name(r.MeasureType)}, {ValueOptions.Name(r.Aggregation)} per {ValueOptions.Name(r.PeriodType)}, improves {ValueOptions.Name(r.Direction)})");
            Line("Reporter", r.Reporter.Value);
            Line("Dimensions", string.Join("; ", r.Dimensions.Select(d => $"{d.Key}: {string.Join(", ", d.Value)}")));
            if (r.Baseline is { } b)
            {
                Line("Baseline", $"{b.From} to {b.To}" + (b.Value is { } v ? $": {ValueOptions.Format(v)}" : " (mean of counted values)"));
            }

            foreach (var t in r.Targets)
            {
                var what = t.RelativeChange is { } change ? $"{ValueOptions.Format(change * 100)}% against the baseline" : ValueOptions.Format(t.Value!.Value);
                Line("Target", $"{what} by {ValueOptions.Format(t.By)} ({ValueOptions.Name(t.Basis)})" + (t.Note is null ? "" : $": {t.Note}"));
            }

            Line("Data source", r.DataSource);
            Line("Verification", r.VerificationProtocol);
            Line("Paired with", r.PairedIndicator is { } p ? $"{p}: {r.PairedReading}" : null);
            Line("Caveat", r.Caveat);
            TableOutput.Write(context, grid);
            context.Console.WriteLine();
            if (measurements.Count == 0)
            {
                context.Output.WriteLine("No measurements yet.");
                return ExitCodes.Ok;
            }

            TableOutput.Write(context, MeasurementStatus.Table(measurements, r.Unit));
            PageOptions.WriteFooter(context, page);
            return ExitCodes.Ok;
        });
        return command;
    }
}
