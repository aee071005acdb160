using System.CommandLine;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Commitment;

/// <summary><c>outcomes commitment add</c>: a commitment under an agreement, drawn from statements, with its responsible parties and dates.</summary>
internal static class AddCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The commitment's id: lowercase letters, digits, hyphens (e.g. reduce-fentanyl-flow)" };
        var agreement = new Option<string>("--agreement") { Description = "The agreement it belongs to", Required = true };
        var text = new Option<string>("--text") { Description = "The commitment in plain words", Required = true };
        var statements = new Option<string[]>("--statement") { Description = "A statement it is drawn from (repeatable)", Required = true, HelpName = "statement" };
        var responsible = new Option<string[]>("--responsible") { Description = "A party responsible for delivering it (repeatable)", Required = true, HelpName = "party" };
        var madeOn = ValueOptions.Date("--made-on", "When the commitment was made: the intervention point of the trend analysis", required: true);
        var due = ValueOptions.Date("--due", "When it is due (omit for an open-ended commitment)");
        var author = CommonOptions.As();
        var key = CommonOptions.Key();
        var command = new Command("add", "Record a commitment, signed as --as with --key")
        {
            id, agreement, text, statements, responsible, madeOn, due, author, key,
        };
        Examples.Add(command,
            "outcomes commitment add reduce-fentanyl-flow --agreement us-mx-security --text \"Reduce the flow of fentanyl across the border\" --statement joint-statement-2025-09-04 --responsible mx --made-on 2025-09-04 --as us --key us.key");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            await using var ledger = await context.OpenLedgerAsync(ct);
            var authorId = new PartyId(parse.GetRequiredValue(author));
            using var signingKey = await AuthorKey.LoadAsync(context, key, authorId, ledger, ct);
            var record = new CommitmentRecord
            {
                Author = authorId,
                RecordedAt = ledger.Session.Now(),
                Id = new CommitmentId(parse.GetRequiredValue(id)),
                Agreement = new AgreementId(parse.GetRequiredValue(agreement)),
                Text = parse.GetRequiredValue(text),
                Statements = [.. ValueOptions.List(parse.GetValue(statements)).Select(s => new StatementId(s))],
                ResponsibleParties = [.. ValueOptions.List(parse.GetValue(responsible)).Select(p => new PartyId(p))],
                MadeOn = parse.GetValue(madeOn)!.Value,
                DueDate = parse.GetValue(due),
            };
            var result = await ledger.Session.RecordAsync(record, signingKey, ct);
            if (context.Json)
            {
                context.WriteJson(new CommitmentWritten(record.Id, result.Index, ValueOptions.Name(result.Status)), CliJsonContext.Output.CommitmentWritten);
            }
            else
            {
                context.Output.WriteLine($"Commitment '{record.Id}' {Submission.Describe(result)}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
