using System.CommandLine;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Import;

/// <summary>The options every importer shares: the files, the indicator, the author and key, how dimensions map, and --dry-run.</summary>
internal sealed class ImportSettings
{
    public Argument<string[]> Files { get; } = new("files") { Description = "The files to read, as published", Arity = ArgumentArity.OneOrMore };

    public Option<string> Indicator { get; } = new("--indicator") { Description = "The indicator the values are measurements of", Required = true };

    public Option<string> As { get; } = CommonOptions.As();

    public Option<string?> Key { get; } = CommonOptions.Key();

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Show what would be recorded, and check it against the ledger's rules, without writing anything" };

    public Option<string?> Dataset { get; } = new("--dataset") { Description = "The dataset's name as recorded with each value (each importer has a default)" };

    public Option<string?> Url { get; } = new("--url") { Description = "Where the dataset is published (each importer has a default)", HelpName = "url" };

    public Option<string[]> DimensionName { get; } = new("--dimension-name") { Description = "Rename a dimension of the source to the indicator's: drug_type=drug (repeatable)", HelpName = "source=indicator" };

    public Option<string[]> DimensionValue { get; } = new("--dimension-value") { Description = "Map a value of the source to the indicator's: \"Office of Field Operations=ofo\" (repeatable)", HelpName = "source=indicator" };

    public Option<string[]> SetDimension { get; } = new("--set-dimension") { Description = "Give every value a fixed dimension value: drug=fentanyl (repeatable)", HelpName = "name=value" };

    public Option<bool> Provisional { get; } = new("--provisional") { Description = "Mark every value provisional (besides the rows the data itself marks)" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Arguments.Add(Files);
        foreach (var option in new Option[] { Indicator, As, Key, DryRun, Dataset, Url, DimensionName, DimensionValue, SetDimension, Provisional })
        {
            command.Options.Add(option);
        }
    }

    public PartyId Author(ParseResult parse) => new(parse.GetRequiredValue(As));
}
