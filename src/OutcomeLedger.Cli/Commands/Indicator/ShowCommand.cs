using System.CommandLine;
using OutcomeLedger.Cli.Commands.Measure;
using OutcomeLedger.Core.Ledger;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Indicator;

/// <summary><c>outcomes indicator show &lt;id&gt;</c>: one indicator's definition, then its measurements with their verification states.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The indicator's id" };
        var all = new Option<bool>("--all") { Description = "Include superseded values (corrections keep the old ones in the log)" };
        var command = new Command("show", "Show an indicator and its measurements") { id, all };
        Examples.Add(command, "outcomes indicator show sw-border-fentanyl-seizures");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var (state, _) = await ledger.LoadStateAsync(null, ct);
            var indicatorId = new IndicatorId(context.Parse.GetRequiredValue(id));
            if (!state.Indicators.TryGetValue(indicatorId, out var logged))
            {
                throw CliError.Check($"indicator '{indicatorId}' does not exist (see 'outcomes indicator list')");
            }

            var includeAll = context.Parse.GetValue(all);
            var measurements = state.Measurements.Values
                .Where(m => m.Record.Indicator == indicatorId && (includeAll || m.SupersededBy is null))
                .OrderBy(m => m.Record.Period).ThenBy(m => MeasurementStatus.Dimensions(m.Record.Dimensions), StringComparer.Ordinal).ThenBy(m => m.Index)
                .ToList();
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
            return ExitCodes.Ok;
        });
        return command;
    }
}
