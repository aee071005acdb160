using System.CommandLine;
using OutcomeLedger.Core.Ledger;
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
        var lang = CommonOptions.Lang();
        var command = new Command("list", "List an indicator's measurements") { indicator, period, all, lang };
        Examples.Add(command, "outcomes measure list --indicator sw-border-fentanyl-seizures", "outcomes measure list --indicator sw-border-fentanyl-seizures --period 2025-12 --all --json");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var (state, _) = await ledger.LoadStateAsync(null, ct);
            var indicatorId = new IndicatorId(context.Parse.GetRequiredValue(indicator));
            if (!state.Indicators.TryGetValue(indicatorId, out var logged))
            {
                throw CliError.Check($"indicator '{indicatorId}' does not exist (see 'outcomes indicator list')");
            }

            var only = context.Parse.GetValue(period);
            var includeAll = context.Parse.GetValue(all);
            var measurements = state.Measurements.Values
                .Where(m => m.Record.Indicator == indicatorId && (includeAll || m.SupersededBy is null) && (only is null || m.Record.Period == only))
                .OrderBy(m => m.Record.Period).ThenBy(m => MeasurementStatus.Dimensions(m.Record.Dimensions), StringComparer.Ordinal).ThenBy(m => m.Index)
                .ToList();
            if (context.Json)
            {
                context.WriteJson(measurements.Select(MeasurementStatus.Json));
                return ExitCodes.Ok;
            }

            var text = context.Text(lang);
            if (measurements.Count == 0)
            {
                context.Output.WriteLine(only is null
                    ? TextCatalogue.Fill(text.NoMeasurementsOf, ("indicator", indicatorId.Value))
                    : TextCatalogue.Fill(text.NoMeasurementsOfFor, ("indicator", indicatorId.Value), ("period", only.Value.ToString())));
                return ExitCodes.Ok;
            }

            TableOutput.Write(context, MeasurementStatus.Table(measurements, logged.Record.Unit, text));
            return ExitCodes.Ok;
        });
        return command;
    }
}
