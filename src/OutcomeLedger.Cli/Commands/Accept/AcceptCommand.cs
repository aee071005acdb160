using System.CommandLine;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Accept;

/// <summary>
/// <c>outcomes accept &lt;entry&gt;</c>: a party of the agreement accepts the terms of a commitment, an indicator or a
/// policy another party logged (the indicator's named reporter accepts the reporting role the same way). Terms read
/// "agreed" only once every party of the agreement accepted them.
/// </summary>
internal static class AcceptCommand
{
    public static Command Create()
    {
        var entry = new Argument<ulong>("entry") { Description = "The commitment's, indicator's or policy's entry (log index)" };
        var note = new Option<string?>("--note") { Description = "A note logged with the acceptance" };
        var author = CommonOptions.As();
        var key = CommonOptions.Key();
        var command = new Command("accept", "Accept the terms of a commitment, indicator or policy, signed as --as with --key")
        {
            entry, note, author, key,
        };
        Examples.Add(command,
            "outcomes accept 12 --as mx --key mx.key",
            "outcomes accept 14 --note \"baseline as agreed in the SIG\" --as mx --key mx.key");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            await using var ledger = await context.OpenLedgerAsync(ct);
            var authorId = new PartyId(parse.GetRequiredValue(author));
            using var signingKey = await AuthorKey.LoadAsync(context, key, authorId, ledger, ct);
            var record = new AcceptanceRecord
            {
                Author = authorId,
                RecordedAt = ledger.Session.Now(),
                Entry = parse.GetValue(entry),
                Note = parse.GetValue(note),
            };
            var result = await ledger.Session.RecordAsync(record, signingKey, ct);
            if (context.Json)
            {
                context.WriteJson(new AcceptanceWritten(result.Index, record.Entry, ValueOptions.Name(result.Status)), CliJsonContext.Output.AcceptanceWritten);
            }
            else
            {
                context.Output.WriteLine($"'{authorId}' accepts the terms of entry {record.Entry}: {Submission.Describe(result)}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
