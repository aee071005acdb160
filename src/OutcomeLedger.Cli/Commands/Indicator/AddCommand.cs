using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Indicator;

/// <summary>
/// <c>outcomes indicator add</c>: an indicator with its unit, direction, periods, dimensions, baseline and target,
/// from options, or the whole record body from <c>--file</c> (which also allows several targets).
/// </summary>
internal static class AddCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "The indicator's id (e.g. sw-border-fentanyl-seizures); taken from --file when omitted", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "The record body as JSON (the indicator fields of docs/formats.md); author and time are added", HelpName = "indicator.json" };
        var commitment = new Option<string?>("--commitment") { Description = "The commitment it measures" };
        var name = new Option<string?>("--name") { Description = "Display name" };
        var unit = new Option<string?>("--unit") { Description = "Unit (lb, deaths, %, ...)" };
        var measureType = ValueOptions.OptionalEnum<MeasureType>("--measure-type", "What kind of quantity it is");
        var direction = ValueOptions.OptionalEnum<Direction>("--direction", "Which way is an improvement");
        var periodType = ValueOptions.OptionalEnum<PeriodType>("--period-type", "The period of one measurement");
        var aggregation = ValueOptions.OptionalEnum<Aggregation>("--aggregation", "How shorter periods combine into longer ones");
        var reporter = new Option<string?>("--reporter") { Description = "The party that reports its measurements" };
        var dimensions = new Option<string[]>("--dimension") { Description = "A disaggregation dimension and its allowed values: component=ofo,usbp (repeatable)", HelpName = "name=v1,v2" };
        var baselineFrom = ValueOptions.Period("--baseline-from", "First period of the baseline");
        var baselineTo = ValueOptions.Period("--baseline-to", "Last period of the baseline");
        var baselineValue = ValueOptions.Decimal("--baseline-value", "The baseline's value (omit to use the mean of counted values in its periods)");
        var targetRelative = ValueOptions.Decimal("--target-relative", "Target as a change against the baseline (-0.25 is a 25% fall)");
        var targetValue = ValueOptions.Decimal("--target-value", "Target as an absolute value");
        var targetBy = ValueOptions.Date("--target-by", "The date the target is due");
        var targetBasis = ValueOptions.OptionalEnum<TargetBasis>("--target-basis", "Whether the parties agreed the target or it is an illustrative assumption");
        var targetNote = new Option<string?>("--target-note") { Description = "Where the target comes from" };
        var dataSource = new Option<string?>("--data-source") { Description = "The dataset its measurements come from" };
        var protocol = new Option<string?>("--verification-protocol") { Description = "How the measurements are verified" };
        var paired = new Option<string?>("--paired-indicator") { Description = "An indicator whose movement changes this one's reading" };
        var pairedReading = new Option<string?>("--paired-reading") { Description = "How to read the two together" };
        var caveat = new Option<string?>("--caveat") { Description = "A plain-language caveat shown with every rating" };
        var cadence = ValueOptions.OptionalEnum<ReleaseCadence>("--cadence", "How often the source publishes a release");
        var lag = new Option<string?>("--lag") { Description = "How long after a period ends the source usually publishes it: 10d, 2w, 4m (or P2W)", HelpName = "2w|4m" };
        var provisional = new Option<int?>("--provisional") { Description = "The latest months whose values the source still revises", HelpName = "months" };
        var author = CommonOptions.As();
        var key = CommonOptions.Key();
        var command = new Command("add", "Define an indicator, signed as --as with --key")
        {
            id, file, commitment, name, unit, measureType, direction, periodType, aggregation, reporter, dimensions,
            baselineFrom, baselineTo, baselineValue, targetRelative, targetValue, targetBy, targetBasis, targetNote,
            dataSource, protocol, paired, pairedReading, caveat, cadence, lag, provisional, author, key,
        };
        Examples.Add(command,
            "outcomes indicator add sw-border-fentanyl-seizures --commitment reduce-fentanyl-flow --name \"Fentanyl seized at the southwest land border\" --unit lb --measure-type amount --direction down --period-type month --aggregation sum --reporter us --baseline-from 2024-01 --baseline-to 2024-12 --target-relative -0.25 --target-by 2026-12-31 --target-basis illustrative --data-source \"CBP nationwide drug seizures\" --cadence monthly --lag 2w --as us --key us.key",
            "outcomes indicator add --file indicator.json --as us --key us.key");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            var authorId = new PartyId(parse.GetRequiredValue(author));
            // Dated when it is signed, below; the record is built first so a bad option fails before the ledger is opened.
            var now = DateTimeOffset.UnixEpoch;
            IndicatorRecord record;
            if (parse.GetValue(file) is { } path)
            {
                record = await ReadAsync(path, authorId, now, ct);
                if (parse.GetValue(id) is { } given && given != record.Id.Value)
                {
                    throw CliError.Usage($"the id '{given}' differs from the file's id '{record.Id}'");
                }
            }
            else
            {
                string Need(Option<string?> option) => parse.GetValue(option) ?? throw CliError.Usage($"{option.Name} is required (or give the whole record with --file)");
                T NeedEnum<T>(Option<T?> option)
                    where T : struct => parse.GetValue(option) ?? throw CliError.Usage($"{option.Name} is required (or give the whole record with --file)");
                record = new IndicatorRecord
                {
                    Author = authorId,
                    RecordedAt = now,
                    Id = new IndicatorId(parse.GetValue(id) ?? throw CliError.Usage("the indicator's id is required (or give the whole record with --file)")),
                    Commitment = new CommitmentId(Need(commitment)),
                    Name = Need(name),
                    Unit = Need(unit),
                    MeasureType = NeedEnum(measureType),
                    Direction = NeedEnum(direction),
                    PeriodType = NeedEnum(periodType),
                    Aggregation = NeedEnum(aggregation),
                    Reporter = new PartyId(Need(reporter)),
                    Dimensions = Dimensions(parse.GetValue(dimensions)),
                    Baseline = Baseline(parse.GetValue(baselineFrom), parse.GetValue(baselineTo), parse.GetValue(baselineValue)),
                    Targets = Targets(parse.GetValue(targetRelative), parse.GetValue(targetValue), parse.GetValue(targetBy), parse.GetValue(targetBasis), parse.GetValue(targetNote)),
                    DataSource = Need(dataSource),
                    VerificationProtocol = parse.GetValue(protocol),
                    PairedIndicator = parse.GetValue(paired) is { } p ? new IndicatorId(p) : null,
                    PairedReading = parse.GetValue(pairedReading),
                    Caveat = parse.GetValue(caveat),
                    Cadence = parse.GetValue(cadence),
                    Lag = Lag(parse.GetValue(lag)),
                    ProvisionalMonths = parse.GetValue(provisional),
                };
            }

            await using var ledger = await context.OpenLedgerAsync(ct);
            using var signingKey = await AuthorKey.LoadAsync(context, key, authorId, ledger, ct);
            record = record with { RecordedAt = ledger.Session.Now() };
            var result = await ledger.Session.RecordAsync(record, signingKey, ct);
            if (context.Json)
            {
                context.WriteJson(new IndicatorWritten(record.Id, result.Index, ValueOptions.Name(result.Status)), CliJsonContext.Output.IndicatorWritten);
            }
            else
            {
                context.Output.WriteLine($"Indicator '{record.Id}' {Submission.Describe(result)}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    static string? Lag(string? text) => text is null
        ? null
        : ReleaseLag.TryParse(text, out var lag)
            ? lag.ToString()
            : throw CliError.Usage($"--lag: '{text}' is not a release lag: a number of days, weeks or months such as 10d, 2w or 4m (at most three years)");

    static Dictionary<string, IReadOnlyList<string>> Dimensions(string[]? values)
    {
        var dimensions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (dimension, list) in ValueOptions.Pairs("--dimension", values))
        {
            dimensions[dimension] = ValueOptions.List([list]);
        }

        return dimensions;
    }

    static Baseline? Baseline(Period? from, Period? to, decimal? value)
    {
        if (from is null && to is null && value is null)
        {
            return null;
        }

        return from is { } f && to is { } t
            ? new Baseline(f, t, value)
            : throw CliError.Usage("a baseline needs both --baseline-from and --baseline-to");
    }

    static List<Target> Targets(decimal? relative, decimal? value, DateOnly? by, TargetBasis? basis, string? note)
    {
        if (relative is null && value is null)
        {
            return by is null && basis is null && note is null
                ? []
                : throw CliError.Usage("--target-by, --target-basis and --target-note describe a target: give --target-relative or --target-value");
        }

        if (relative is not null && value is not null)
        {
            throw CliError.Usage("a target is --target-relative or --target-value, not both");
        }

        if (by is null || basis is null)
        {
            throw CliError.Usage("a target needs --target-by and --target-basis (agreed, or illustrative when it is an assumption)");
        }

        return [new Target(by.Value, basis.Value, value, relative, note)];
    }

    /// <summary>Reads the record body; author and time come from the command, and a body naming another author is refused.</summary>
    static async Task<IndicatorRecord> ReadAsync(string path, PartyId author, DateTimeOffset now, CancellationToken cancellationToken)
    {
        InputFile.Require(path, "--file: ");

        try
        {
            var node = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken)) as JsonObject
                ?? throw CliError.Check($"{path}: not a JSON object");
            if (node["author"] is { } given && given.GetValue<string>() != author.Value)
            {
                throw CliError.Check($"{path}: author '{given}' differs from --as '{author}'");
            }

            node.Remove("kind");
            node.Remove("schema");
            node["author"] = author.Value;
            node["recordedAt"] ??= JsonSerializer.SerializeToNode(now, CliJsonContext.Output.DateTimeOffset);
            var body = new JsonObject { ["kind"] = "indicator", ["schema"] = LedgerRecord.CurrentSchema };
            foreach (var (name, value) in node.ToList())
            {
                node.Remove(name);
                body[name] = value;
            }

            // The record's initial values for what the body leaves out (generated metadata would read null there).
            if (!body.ContainsKey("dimensions"))
            {
                body["dimensions"] = new JsonObject();
            }

            if (!body.ContainsKey("targets"))
            {
                body["targets"] = new JsonArray();
            }

            // The records' own metadata (generated: no reflection, so the Native AOT build reads it too).
            return body.Deserialize((JsonTypeInfo<LedgerRecord>)RecordJson.Options.GetTypeInfo(typeof(LedgerRecord))) as IndicatorRecord
                ?? throw CliError.Check($"{path}: not an indicator record");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw CliError.Check($"{path}: not an indicator record: {e.Message}");
        }
    }
}
