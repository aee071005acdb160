using System.CommandLine;
using OutcomeLedger.Core.Import.Cbp;
using OutcomeLedger.Core.Import.Formats;

namespace OutcomeLedger.Cli.Commands.Import;

/// <summary><c>outcomes import cbp</c>: CBP nationwide drug seizure files, filtered and summed per calendar month.</summary>
internal static class CbpCommand
{
    public const string Dataset = SourceFormats.CbpDataset;
    public const string Url = SourceFormats.CbpUrl;

    public static Command Create(SourceUse use = SourceUse.Import)
    {
        var settings = new ImportSettings(use);
        var drugs = new Option<string[]>("--drug") { Description = "Drug Type to keep (repeatable): Fentanyl, Methamphetamine, ...", HelpName = "drug" };
        var regions = new Option<string[]>("--region") { Description = "Region to keep (repeatable): \"Southwest Border\", \"Northern Border\", \"Coastal/Interior\"", HelpName = "region" };
        var components = new Option<string[]>("--component") { Description = "Component to keep (repeatable): \"Office of Field Operations\", \"U.S. Border Patrol\"", HelpName = "component" };
        var landFilters = new Option<string[]>("--land-filter") { Description = "Land Filter to keep (repeatable): \"Land Only\" (with the Southwest Border region: the land border), Other", HelpName = "filter" };
        var areas = new Option<string[]>("--area") { Description = "Area of Responsibility to keep (repeatable)", HelpName = "area" };
        var measure = ValueOptions.OptionalEnum<CbpMeasure>("--measure", "Sum pounds seized (the default) or seizure events");
        var groupBy = new Option<string[]>("--group-by") { Description = "Keep a column as a dimension (repeatable): component, region, land-filter, area-of-responsibility, drug-type", HelpName = "column" };
        var zeroMonths = new Option<bool>("--zero-months") { Description = "Record months without a selected row as 0 (CBP lists only combinations with seizures)" };
        var command = new Command("cbp", use == SourceUse.Import
            ? "Import CBP nationwide drug seizures (fiscal-year CSV files as published) into a monthly indicator"
            : "Check an indicator's logged values against CBP nationwide drug seizure files as published")
        {
            drugs, regions, components, landFilters, areas, measure, groupBy, zeroMonths,
        };
        settings.AddTo(command);
        Examples.Add(command, use == SourceUse.Verify
            ? ["outcomes verify-source cbp data/cbp/nationwide-drugs-fy19-fy22.csv data/cbp/nationwide-drugs-fy23-fy26-dec.csv --indicator sw-border-fentanyl-seizures --drug Fentanyl --region \"Southwest Border\" --land-filter \"Land Only\" --as verifier --key verifier.key"]
            : ["outcomes import cbp data/cbp/nationwide-drugs-fy19-fy22.csv data/cbp/nationwide-drugs-fy23-fy26-dec.csv --indicator sw-border-fentanyl-seizures --drug Fentanyl --region \"Southwest Border\" --land-filter \"Land Only\" --as us --key us.key --dry-run",
            "outcomes import cbp data/cbp/*.csv --indicator fentanyl-by-component --drug Fentanyl --region \"Southwest Border\" --land-filter \"Land Only\" --group-by component --dimension-value \"Office of Field Operations=ofo\" --dimension-value \"U.S. Border Patrol=usbp\" --as us --key us.key"]);
        CommandAction.Set(command, (context, ct) =>
        {
            var parse = context.Parse;
            var grouping = ValueOptions.List(parse.GetValue(groupBy)).Select(ParseDimension).ToList();
            var selection = new CbpSeizureSelection
            {
                DrugTypes = Filter(parse.GetValue(drugs)),
                Regions = Filter(parse.GetValue(regions)),
                Components = Filter(parse.GetValue(components)),
                LandFilters = Filter(parse.GetValue(landFilters)),
                AreasOfResponsibility = Filter(parse.GetValue(areas)),
                Measure = parse.GetValue(measure) ?? CbpMeasure.Pounds,
                GroupBy = grouping,
                IncludeMonthsWithoutSeizuresAsZero = parse.GetValue(zeroMonths),
            };
            if (selection.DrugTypes is null && !grouping.Contains(CbpDimension.DrugType) && selection.Measure == CbpMeasure.Pounds)
            {
                throw CliError.Usage("pounds of different drugs do not add up to a meaningful figure: give --drug, or --group-by drug-type");
            }

            var format = SourceFormats.Cbp(selection);
            return settings.RunAsync(context, format, ct);
        });
        return command;
    }

    // Values are compared ignoring case by the importer; repeated options are the list (names may hold commas, e.g. areas).
    static List<string>? Filter(string[]? values) => values is null || values.Length == 0 ? null : [.. values];

    static CbpDimension ParseDimension(string text)
    {
        foreach (var dimension in Enum.GetValues<CbpDimension>())
        {
            if (ValueOptions.Name(dimension).Equals(text, StringComparison.OrdinalIgnoreCase) || CbpValues.DimensionName(dimension).Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return dimension;
            }
        }

        throw CliError.Usage($"--group-by: '{text}' is not one of {string.Join(", ", Enum.GetValues<CbpDimension>().Select(ValueOptions.Name))}");
    }
}
