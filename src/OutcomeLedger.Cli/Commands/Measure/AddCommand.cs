using System.CommandLine;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Measure;

/// <summary><c>outcomes measure add &lt;indicator&gt;</c>: one value for one period (and dimensions), with its source and evidence.</summary>
internal static class AddCommand
{
    public static Command Create()
    {
        var indicator = new Argument<string>("indicator") { Description = "The indicator measured" };
        var period = ValueOptions.Period("--period", "The period the value covers: YYYY-MM, YYYY-Qn or YYYY (the indicator's period type)", required: true);
        var value = ValueOptions.Decimal("--value", "The value, in the indicator's unit", required: true);
        var dimensions = new Option<string[]>("--dim") { Description = "A dimension value: component=ofo (repeatable; the indicator declares the names and values)", HelpName = "name=value" };
        var dataset = new Option<string>("--dataset") { Description = "The dataset or report the value comes from", Required = true };
        var url = new Option<string?>("--url") { Description = "Where the dataset or report is published", HelpName = "url" };
        var evidence = new Option<string[]>("--evidence") { Description = "An evidence file (stored in the ledger's evidence store, cited by SHA-256; repeatable)", HelpName = "file" };
        var supersedes = new Option<ulong?>("--supersedes") { Description = "The entry this value corrects (the current value for the same period and dimensions)", HelpName = "entry" };
        var provisional = new Option<bool>("--provisional") { Description = "The value is expected to be revised" };
        var note = new Option<string?>("--note") { Description = "A note shown with the value" };
        var author = CommonOptions.As();
        var key = CommonOptions.Key();
        var command = new Command("add", "Record a measurement, signed as --as with --key")
        {
            indicator, period, value, dimensions, dataset, url, evidence, supersedes, provisional, note, author, key,
        };
        Examples.Add(command,
            "outcomes measure add mx-transfers --period 2026-01 --value 37 --dataset \"FGR announcement\" --url https://www.gob.mx/fgr --evidence announcement.pdf --as mx --key mx.key",
            "outcomes measure add mx-transfers --period 2026-01 --value 38 --supersedes 41 --note \"corrected count\" --dataset \"FGR announcement\" --as mx --key mx.key");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            await using var ledger = await context.OpenLedgerAsync(ct);
            var indicatorId = new IndicatorId(parse.GetRequiredValue(indicator));
            await ledger.Session.RequireIndicatorAsync(indicatorId, ct);

            var authorId = new PartyId(parse.GetRequiredValue(author));
            using var signingKey = await AuthorKey.LoadAsync(context, key, authorId, ledger, ct);
            var files = Evidence.Files(parse.GetValue(evidence) ?? [], "--evidence");
            var (result, record) = await ledger.Session.RecordAsync(files, hashes => new MeasurementRecord
            {
                Author = authorId,
                RecordedAt = ledger.Session.Now(),
                Indicator = indicatorId,
                Period = parse.GetValue(period)!.Value,
                Dimensions = ValueOptions.Pairs("--dim", parse.GetValue(dimensions)),
                Value = parse.GetValue(value)!.Value,
                Source = new MeasurementSource(parse.GetRequiredValue(dataset), parse.GetValue(url)),
                Evidence = hashes,
                Note = parse.GetValue(note),
                Provisional = parse.GetValue(provisional),
                Supersedes = parse.GetValue(supersedes),
            }, signingKey, ct);
            var hashes = record.Evidence;
            if (context.Json)
            {
                context.WriteJson(new MeasurementWritten(result.Index, ValueOptions.Name(result.Status), record.Supersedes, hashes), CliJsonContext.Output.MeasurementWritten);
            }
            else
            {
                var what = record.Supersedes is { } old ? $"Correction of entry {old}" : "Measurement";
                context.Output.WriteLine($"{what} {indicatorId} {record.Period} = {ValueOptions.Format(record.Value)} {Submission.Describe(result)}.");
                foreach (var hash in hashes)
                {
                    context.Output.WriteLine($"Evidence stored as {hash}.");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
