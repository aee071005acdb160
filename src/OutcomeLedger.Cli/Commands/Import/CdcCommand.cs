using System.CommandLine;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Cdc;

namespace OutcomeLedger.Cli.Commands.Import;

/// <summary><c>outcomes import cdc</c>: CDC VSRR provisional overdose death counts (12-month-ending values) for one jurisdiction or all.</summary>
internal static class CdcCommand
{
    public const string Dataset = "CDC NCHS VSRR provisional drug overdose death counts (data.cdc.gov xkb8-kh2a)";
    public const string Url = "https://data.cdc.gov/resource/xkb8-kh2a.json";

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
            var format = new SourceFormat(Dataset, Url, (files, options) => Import(files, selection, options), IsProvisional);
            return settings.RunAsync(context, format, ct);
        });
        return command;
    }

    // The importer reads one file at a time; several files are one import, all or nothing.
    static List<ImportResult<ImportedObservation>> Import(IReadOnlyList<ImportInput> files, CdcOverdoseSelection selection, ImportOptions options) =>
        [.. files.Select(f => CdcOverdoseImporter.Import(f.Content, f.FileName, selection, options))];

    // CDC's footnotes say when a count is provisional: recent periods are "underreported due to incomplete data", and
    // every provisional count "may differ from published reports using final data".
    static bool IsProvisional(ImportedObservation observation) =>
        observation.Note is { } note
        && (note.Contains("Underreported", StringComparison.OrdinalIgnoreCase) || note.Contains("final data", StringComparison.OrdinalIgnoreCase));
}
