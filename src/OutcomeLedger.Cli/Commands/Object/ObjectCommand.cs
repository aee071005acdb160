using System.CommandLine;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Object;

/// <summary>
/// <c>outcomes object &lt;entry&gt; --reason …</c>: a party of the agreement contests the terms of a commitment or an
/// indicator another party logged; the objection is shown beside them until that party accepts them.
/// </summary>
internal static class ObjectCommand
{
    public static Command Create()
    {
        var entry = new Argument<ulong>("entry") { Description = "The commitment's or indicator's entry (log index)" };
        var reason = new Option<string>("--reason") { Description = "Why the terms are contested", Required = true };
        var evidence = new Option<string[]>("--evidence") { Description = "An evidence file (stored in the ledger's evidence store, cited by SHA-256; repeatable)", HelpName = "file" };
        var author = CommonOptions.As();
        var key = CommonOptions.Key();
        var command = new Command("object", "Contest the terms of a commitment or indicator, signed as --as with --key")
        {
            entry, reason, evidence, author, key,
        };
        Examples.Add(command,
            "outcomes object 14 --reason \"the target was never agreed\" --as mx --key mx.key");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            await using var ledger = await context.OpenLedgerAsync(ct);
            var authorId = new PartyId(parse.GetRequiredValue(author));
            using var signingKey = await AuthorKey.LoadAsync(context, key, authorId, ledger, ct);
            var files = Evidence.Files(parse.GetValue(evidence) ?? [], "--evidence");
            var (result, record) = await ledger.Session.RecordAsync(files, hashes => new ObjectionRecord
            {
                Author = authorId,
                RecordedAt = ledger.Session.Now(),
                Entry = parse.GetValue(entry),
                Reason = parse.GetRequiredValue(reason),
                Evidence = hashes,
            }, signingKey, ct);
            var hashes = record.Evidence;
            if (context.Json)
            {
                context.WriteJson(new ObjectionWritten(result.Index, record.Entry, ValueOptions.Name(result.Status), hashes), CliJsonContext.Output.ObjectionWritten);
            }
            else
            {
                context.Output.WriteLine($"'{authorId}' contests the terms of entry {record.Entry}: {Submission.Describe(result)}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
