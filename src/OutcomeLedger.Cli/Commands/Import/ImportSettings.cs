using System.CommandLine;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Import;

/// <summary>
/// The options every importer shares: the files, the indicator, the author and key, how dimensions map, and --dry-run;
/// the same importers check a published file against the logged values (<c>outcomes verify-source</c>).
/// </summary>
internal sealed class ImportSettings(SourceUse use = SourceUse.Import)
{
    public SourceUse Use { get; } = use;

    public Argument<string[]> Files { get; } = new("files") { Description = "The files to read, as published", Arity = ArgumentArity.OneOrMore };

    public Option<string> Indicator { get; } = new("--indicator") { Description = "The indicator the values are measurements of", Required = true };

    public Option<string> As { get; } = CommonOptions.As();

    public Option<string?> Key { get; } = CommonOptions.Key();

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = use == SourceUse.Import
            ? "Show what would be recorded, and check it against the ledger's rules, without writing anything"
            : "Show what the file confirms and contradicts without attesting anything",
    };

    public Option<string?> Dataset { get; } = new("--dataset") { Description = "The dataset's name as recorded with each value (each importer has a default)" };

    public Option<string?> Url { get; } = new("--url") { Description = "Where the dataset is published (each importer has a default)", HelpName = "url" };

    public Option<string[]> DimensionName { get; } = new("--dimension-name") { Description = "Rename a dimension of the source to the indicator's: drug_type=drug (repeatable)", HelpName = "source=indicator" };

    public Option<string[]> DimensionValue { get; } = new("--dimension-value") { Description = "Map a value of the source to the indicator's: \"Office of Field Operations=ofo\" (repeatable)", HelpName = "source=indicator" };

    public Option<string[]> SetDimension { get; } = new("--set-dimension") { Description = "Give every value a fixed dimension value: drug=fentanyl (repeatable)", HelpName = "name=value" };

    public Option<DateOnly?> Release { get; } = ValueOptions.Date("--release", "The date of the source's release the files are: recorded with each value, and a revision report says what it added and changed");

    public Option<bool> Provisional { get; } = new("--provisional") { Description = "Mark every value provisional (besides the rows the data itself marks)" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Arguments.Add(Files);
        Option[] options = Use == SourceUse.Import
            ? [Indicator, As, Key, DryRun, Dataset, Url, DimensionName, DimensionValue, SetDimension, Provisional, Release]
            : [Indicator, As, Key, DryRun, Url, DimensionName, DimensionValue, SetDimension];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Imports the files, or checks the logged values against them, as this command's use is.</summary>
    public Task<int> RunAsync(CommandContext context, SourceFormat format, CancellationToken cancellationToken) => Use == SourceUse.Import
        ? MeasurementImport.RunAsync(context, this, format, cancellationToken)
        : SourceCheckCommand.RunAsync(context, this, format, cancellationToken);

    public PartyId Author(ParseResult parse) => new(parse.GetRequiredValue(As));

    /// <summary>The files given, each once and each a readable regular file, as the importers open them.</summary>
    public IReadOnlyList<ImportFile> InputFiles(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var paths = parse.GetRequiredValue(Files);
        if (paths.Distinct(StringComparer.Ordinal).Count() != paths.Length)
        {
            throw CliError.Usage("a file is given twice");
        }

        foreach (var path in paths)
        {
            InputFile.Require(path, "file ");
        }

        return [.. paths.Select(path => new ImportFile(path, () => File.OpenRead(path)))];
    }

    /// <summary>How the source's dimensions map to the indicator's (--dimension-name, --dimension-value, --set-dimension).</summary>
    public DimensionMapping Mapping(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new DimensionMapping(
            ValueOptions.Pairs("--dimension-name", parse.GetValue(DimensionName)),
            ValueOptions.Pairs("--dimension-value", parse.GetValue(DimensionValue)),
            ValueOptions.Pairs("--set-dimension", parse.GetValue(SetDimension)));
    }
}
