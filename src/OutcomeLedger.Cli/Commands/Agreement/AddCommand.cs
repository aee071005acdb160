using System.CommandLine;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Agreement;

/// <summary><c>outcomes agreement add</c>: the operator records an agreement and its parties.</summary>
internal static class AddCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The agreement's id: lowercase letters, digits, hyphens (e.g. us-mx-security)" };
        var title = new Option<string>("--title") { Description = "Title of the agreement", Required = true };
        var parties = new Option<string[]>("--party") { Description = "A party to the agreement (repeat, or comma-separate)", Required = true, HelpName = "party" };
        var key = CommonOptions.Key();
        key.Description = "The operator's signing key file (default: $OUTCOMES_KEY, else the ledger folder's keys/operator.key)";
        var command = new Command("add", "Record an agreement (signed by the ledger's operator)") { id, title, parties, key };
        Examples.Add(command, "outcomes agreement add us-mx-security --title \"U.S.-Mexico Security Implementation Group\" --party us --party mx");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var author = new PartyId("operator");
            using var signingKey = await AuthorKey.LoadAsync(context, key, author, ledger, ct);
            var record = new AgreementRecord
            {
                Author = author,
                RecordedAt = ledger.Session.Now(),
                Id = new AgreementId(context.Parse.GetRequiredValue(id)),
                Title = context.Parse.GetRequiredValue(title),
                Parties = [.. ValueOptions.List(context.Parse.GetValue(parties)).Select(p => new PartyId(p))],
            };
            var result = await ledger.Session.RecordAsync(record, signingKey, ct);
            if (context.Json)
            {
                context.WriteJson(new AgreementWritten(record.Id, result.Index, ValueOptions.Name(result.Status)), CliJsonContext.Output.AgreementWritten);
            }
            else
            {
                context.Output.WriteLine($"Agreement '{record.Id}' {Submission.Describe(result)}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
