using System.CommandLine;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli.Commands.Measure;

/// <summary><c>outcomes measure list --indicator &lt;id&gt;</c>: an indicator's values with their verification states.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var indicator = new Option<string>("--indicator") { Description = "The indicator whose values to list", Required = true };
        var period = ValueOptions.Period("--period", "Only this period");
        var all = new Option<bool>("--all") { Description = "Include superseded values" };
        var paging = new PageOptions();
        var command = new Command("list", "List an indicator's measurements") { indicator, period, all };
        command.Options.Add(TableOutput.Format);
        paging.AddTo(command);
        Examples.Add(command, "outcomes measure list --indicator sw-border-fentanyl-seizures", "outcomes measure list --indicator sw-border-fentanyl-seizures --period 2025-12 --all --json");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var indicatorId = new IndicatorId(context.Parse.GetRequiredValue(indicator));
            var logged = await ledger.Session.RequireIndicatorAsync(indicatorId, ct);
            var only = context.Parse.GetValue(period);
            var page = await ledger.Session.ListMeasurementsAsync(
                new MeasurementQuery { Indicator = indicatorId, Period = only, IncludeSuperseded = context.Parse.GetValue(all) }, paging.PageOf(context.Parse), ct);
            var measurements = page.Items;
            if (context.Json)
            {
                context.WriteJson(measurements.Select(MeasurementStatus.Json));
                return ExitCodes.Ok;
            }

            var text = context.Text;
            if (measurements.Count == 0)
            {
                context.Output.WriteLine(only is null
                    ? TextCatalogue.Fill(text.NoMeasurementsOf, ("indicator", indicatorId.Value))
                    : TextCatalogue.Fill(text.NoMeasurementsOfFor, ("indicator", indicatorId.Value), ("period", only.Value.ToString())));
                return ExitCodes.Ok;
            }

            TableOutput.Write(context, MeasurementStatus.Table(measurements, logged.Record.Unit, text));
            PageOptions.WriteFooter(context, page, text);
            return ExitCodes.Ok;
        });
        return command;
    }
}
