using System.CommandLine;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Mapped;

namespace OutcomeLedger.Cli.Commands.Import;

/// <summary><c>outcomes import csv</c>: any RFC 4180 CSV, with a column mapping to the indicator's period, value, note and dimensions.</summary>
internal static class CsvCommand
{
    public static Command Create(SourceUse use = SourceUse.Import)
    {
        var settings = new ImportSettings(use);
        settings.Dataset.Required = use == SourceUse.Import;
        settings.Dataset.Description = "The dataset's name as recorded with each value";
        var map = new Option<string>("--map") { Description = "Columns to targets: period=Month,value=Total[,note=Notes][,<dimension>=<Column>...]; quote names with commas: value=\"Sum, lbs\"", Required = true, HelpName = "mapping" };
        var sumDuplicates = new Option<bool>("--sum-duplicates") { Description = "Sum rows with the same period and dimensions (the file lists parts of one total)" };
        var allowNegative = new Option<bool>("--allow-negative") { Description = "Accept negative values (changes, balances)" };
        var command = new Command("csv", use == SourceUse.Import
            ? "Import any CSV file into a monthly indicator through a column mapping"
            : "Check an indicator's logged values against any CSV file through a column mapping") { map, sumDuplicates, allowNegative };
        settings.AddTo(command);
        Examples.Add(command, use == SourceUse.Verify
            ? "outcomes verify-source csv transfers.csv --indicator mx-transfers --map period=Month,value=Transferred --url https://www.gob.mx/fgr --as us --key us.key"
            : "outcomes import csv transfers.csv --indicator mx-transfers --map period=Month,value=Transferred --dataset \"FGR announcements\" --url https://www.gob.mx/fgr --as mx --key mx.key");
        CommandAction.Set(command, (context, ct) =>
        {
            var parse = context.Parse;
            if (!ColumnMapping.TryParse(parse.GetRequiredValue(map), out var mapping, out var error))
            {
                throw CliError.Usage($"--map: {error}");
            }

            var rules = new MappedCsvRules { SumDuplicates = parse.GetValue(sumDuplicates), AllowNegativeValues = parse.GetValue(allowNegative) };
            var format = new SourceFormat(parse.GetValue(settings.Dataset) ?? "CSV", null,
                (files, options) => [.. files.Select(f => MappedCsvImporter.Import(f.Content, f.FileName, mapping, rules, options))],
                _ => false);
            return settings.RunAsync(context, format, ct);
        });
        return command;
    }
}
