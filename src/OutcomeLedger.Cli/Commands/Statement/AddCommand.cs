using System.CommandLine;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Statement;

/// <summary><c>outcomes statement add</c>: a statement with its date, speaker, parties, source and quotes, signed by its recorder.</summary>
internal static class AddCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The statement's id: lowercase letters, digits, hyphens (e.g. joint-statement-2026-01-15)" };
        var date = ValueOptions.Date("--date", "The day it was said or published", required: true);
        var title = new Option<string>("--title") { Description = "Title, as the source gives it", Required = true };
        var speaker = new Option<string?>("--speaker") { Description = "Who said it (person or office)" };
        var parties = new Option<string[]>("--party") { Description = "Party whose statement it is (repeat, or comma-separate, for a joint statement)", Required = true, HelpName = "party" };
        var kind = ValueOptions.Enum<StatementKind>("--kind", "What kind of statement it is");
        var sourceUrl = new Option<string>("--source-url") { Description = "Where the statement is published (https URL)", Required = true, HelpName = "url" };
        var sourceFile = new Option<string?>("--source-file") { Description = "An archived copy of the source (PDF, HTML): stored in the ledger's evidence store, its SHA-256 recorded", HelpName = "file" };
        var quotes = new Option<string[]>("--quote") { Description = "A short verbatim quote (repeatable)", HelpName = "text" };
        var languages = new Option<string[]>("--lang") { Description = "Language of the quotes (BCP 47: en, es-MX): once for all, or once per --quote", HelpName = "tag" };
        var author = CommonOptions.As();
        var key = CommonOptions.Key();
        var command = new Command("add", "Record a statement, signed as --as with --key")
        {
            id, date, title, speaker, parties, kind, sourceUrl, sourceFile, quotes, languages, author, key,
        };
        Examples.Add(command,
            "outcomes statement add joint-statement-2026-01-15 --date 2026-01-15 --title \"Joint statement on security cooperation\" --party us --party mx --kind joint-statement --source-url https://www.state.gov/... --quote \"results must be measurable and verifiable\" --lang en --as us --key us.key");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            var quoteTexts = parse.GetValue(quotes) ?? [];
            var langs = parse.GetValue(languages) ?? [];
            if (quoteTexts.Length > 0 && langs.Length != 1 && langs.Length != quoteTexts.Length)
            {
                throw CliError.Usage($"--lang: give one language for all quotes, or one per --quote ({quoteTexts.Length}); got {langs.Length}");
            }

            if (quoteTexts.Length == 0 && langs.Length > 0)
            {
                throw CliError.Usage("--lang without --quote");
            }

            await using var ledger = await context.OpenLedgerAsync(ct);
            var authorId = new PartyId(parse.GetRequiredValue(author));
            using var signingKey = await AuthorKey.LoadAsync(context, key, authorId, ledger, ct);
            var files = Evidence.Files(parse.GetValue(sourceFile) is { } file ? [file] : [], "--source-file");
            var (result, record) = await ledger.Session.RecordAsync(files, hashes => new StatementRecord
            {
                Author = authorId,
                RecordedAt = ledger.Session.Now(),
                Id = new StatementId(parse.GetRequiredValue(id)),
                Date = parse.GetValue(date)!.Value,
                Title = parse.GetRequiredValue(title),
                Speaker = parse.GetValue(speaker),
                Parties = [.. ValueOptions.List(parse.GetValue(parties)).Select(p => new PartyId(p))],
                StatementKind = parse.GetValue(kind),
                SourceUrl = parse.GetRequiredValue(sourceUrl),
                SourceSha256 = hashes.Count == 0 ? null : hashes[0],
                Quotes = [.. quoteTexts.Select((q, i) => new Quote(q, langs.Length == 1 ? langs[0] : langs[i]))],
            }, signingKey, ct);
            var sha256 = record.SourceSha256;
            if (context.Json)
            {
                context.WriteJson(new StatementWritten(record.Id, result.Index, ValueOptions.Name(result.Status), sha256), CliJsonContext.Output.StatementWritten);
            }
            else
            {
                context.Output.WriteLine($"Statement '{record.Id}' {Submission.Describe(result)}.");
                if (sha256 is not null)
                {
                    context.Output.WriteLine($"Source archived as {sha256}.");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
