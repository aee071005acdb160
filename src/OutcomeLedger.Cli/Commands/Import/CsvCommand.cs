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
        var fromDate = new Option<bool>("--period-from-date") { Description = "The period column holds days (yyyy-MM-dd): each row belongs to its month" };
        var aggregate = ValueOptions.OptionalEnum<MonthAggregate>("--aggregate", "How several rows of one month make its value: sum (parts of a total), last (the month's latest running figure) or count (one row per event)");
        var cumulative = new Option<bool>("--cumulative") { Description = "The values are running totals: record each month's flow (its total less the previous month's); a month without the previous month's figure, or whose total fell, is listed as skipped" };
        var where = new Option<string[]>("--where") { Description = "Read only rows whose column holds this value: metric=fentanyl_seized_weight (repeatable)", HelpName = "column=value" };
        var command = new Command("csv", use == SourceUse.Import
            ? "Import any CSV file into a monthly indicator through a column mapping"
            : "Check an indicator's logged values against any CSV file through a column mapping") { map, sumDuplicates, allowNegative, fromDate, aggregate, cumulative, where };
        settings.AddTo(command);
        Examples.Add(command, use == SourceUse.Verify
            ? ["outcomes verify-source csv transfers.csv --indicator mx-transfers --map period=Month,value=Transferred --url https://www.gob.mx/fgr --as us --key us.key"]
            : [
                "outcomes import csv transfers.csv --indicator mx-transfers --map period=Month,value=Transferred --dataset \"FGR announcements\" --url https://www.gob.mx/fgr --as mx --key mx.key",
                "outcomes import csv data/mexico/mx_to_us_transfers.csv --indicator mx-transfers-to-us-custody --map period=date,value=persons_transferred --period-from-date --aggregate sum --dataset \"Transfers announced by both governments (transcribed)\" --as mx --key mx.key",
                "outcomes import csv data/mexico/mx_gabinete_seguridad_cumulative_transcribed.csv --indicator mx-fentanyl-seized-monthly --map period=period_end,value=value --where metric=fentanyl_seized_weight --where unit=kg --period-from-date --aggregate last --cumulative --dataset \"Gabinete de Seguridad briefings (transcribed)\" --as mx --key mx.key",
            ]);
        CommandAction.Set(command, (context, ct) =>
        {
            var parse = context.Parse;
            if (!ColumnMapping.TryParse(parse.GetRequiredValue(map), out var mapping, out var error))
            {
                throw CliError.Usage($"--map: {error}");
            }

            var rules = new MappedCsvRules
            {
                SumDuplicates = parse.GetValue(sumDuplicates),
                AllowNegativeValues = parse.GetValue(allowNegative),
                PeriodFromDate = parse.GetValue(fromDate),
                Aggregate = parse.GetValue(aggregate),
                Cumulative = parse.GetValue(cumulative),
                Filters = ValueOptions.Pairs("--where", parse.GetValue(where)),
            };
            if (rules.Cumulative && rules.Aggregate is MonthAggregate.Sum or MonthAggregate.Count)
            {
                throw CliError.Usage("--cumulative: running totals are combined by the month's last figure (--aggregate last), not summed or counted");
            }

            var format = new SourceFormat(parse.GetValue(settings.Dataset) ?? "CSV", null,
                (files, options) => [.. files.Select(f => MappedCsvImporter.Import(f.Content, f.FileName, mapping, rules, options))],
                _ => false);
            return settings.RunAsync(context, format, ct);
        });
        return command;
    }
}
