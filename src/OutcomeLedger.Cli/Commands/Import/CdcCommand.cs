using System.CommandLine;
using OutcomeLedger.Core.Import.Cdc;
using OutcomeLedger.Core.Import.Formats;

namespace OutcomeLedger.Cli.Commands.Import;

/// <summary><c>outcomes import cdc</c>: CDC VSRR provisional overdose death counts (12-month-ending values) for one jurisdiction or all.</summary>
internal static class CdcCommand
{
    public const string Dataset = SourceFormats.CdcDataset;
    public const string Url = SourceFormats.CdcUrl;

    public static Command Create(SourceUse use = SourceUse.Import)
    {
        var settings = new ImportSettings(use);
        var state = new Option<string>("--state") { Description = "Jurisdiction: US (the national figure), a state code, or all (adds a 'state' dimension)", DefaultValueFactory = _ => CdcOverdoseSelection.UnitedStates };
        var cdcIndicator = new Option<string>("--cdc-indicator") { Description = "The dataset's indicator column value", DefaultValueFactory = _ => CdcOverdoseSelection.SyntheticOpioidsIndicator, HelpName = "text" };
        var predicted = new Option<bool>("--predicted") { Description = "Read predicted_value (adjusted for reporting delays) instead of the reported data_value" };
        var command = new Command("cdc", use == SourceUse.Import
            ? "Import CDC VSRR provisional overdose death counts into a monthly (12-month-ending) indicator"
            : "Check an indicator's logged values against the CDC VSRR provisional overdose death counts file") { state, cdcIndicator, predicted };
        settings.AddTo(command);
        Examples.Add(command, use == SourceUse.Verify
            ? "outcomes verify-source cdc data/cdc/cdc_api_provisional_overdose_counts.csv --indicator us-synthetic-opioid-deaths --as verifier --key verifier.key"
            : "outcomes import cdc data/cdc/cdc_api_provisional_overdose_counts.csv --indicator us-synthetic-opioid-deaths --as us --key us.key");
        CommandAction.Set(command, (context, ct) =>
        {
            var parse = context.Parse;
            var jurisdiction = parse.GetRequiredValue(state);
            var selection = new CdcOverdoseSelection(
                jurisdiction.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : jurisdiction,
                parse.GetRequiredValue(cdcIndicator),
                parse.GetValue(predicted) ? CdcValueKind.Predicted : CdcValueKind.Reported);
            var format = SourceFormats.Cdc(selection);
            return settings.RunAsync(context, format, ct);
        });
        return command;
    }
}
