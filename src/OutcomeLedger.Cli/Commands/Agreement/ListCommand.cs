using System.CommandLine;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Agreement;

/// <summary><c>outcomes agreement list</c>: agreements with their parties and commitments.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var paging = new PageOptions();
        var command = new Command("list", "List agreements");
        command.Options.Add(TableOutput.Format);
        paging.AddTo(command);
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var page = await ledger.Session.ListAgreementsAsync(paging.PageOf(context.Parse), ct);
            var agreements = page.Items;
            var commitments = new Dictionary<AgreementId, long>();
            var policies = new Dictionary<AgreementId, ulong?>();
            foreach (var a in agreements)
            {
                commitments[a.Record.Id] = (await ledger.Session.ListCommitmentsAsync(a.Record.Id, Paging.First(1), ct)).Total;
                policies[a.Record.Id] = (await ledger.Session.FindPolicyAsync(a.Record.Id, ct))?.Index;
            }

            long Commitments(AgreementId id) => commitments[id];
            if (context.Json)
            {
                context.WriteJson(agreements.Select(a => new
                {
                    entry = a.Index,
                    agreement = a.Record,
                    commitments = Commitments(a.Record.Id),
                    policyEntry = policies[a.Record.Id],
                }));
                return ExitCodes.Ok;
            }

            var text = context.Text;
            var table = new Table().AddColumns(
                new[] { text.Agreement, text.Title, text.Parties, text.CommitmentsHeading, text.Policy, text.EntryHeading }.Select(Markup.Escape).ToArray());
            foreach (var a in agreements)
            {
                table.AddRow(
                    Markup.Escape(a.Record.Id.Value), Markup.Escape(a.Record.Title), Markup.Escape(string.Join(", ", a.Record.Parties)),
                    Commitments(a.Record.Id).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(policies[a.Record.Id] is { } policy ? TextCatalogue.Fill(text.PolicyEntry, ("entry", ValueOptions.Format(policy))) : text.PolicyDefault),
                    ValueOptions.Format(a.Index));
            }

            TableOutput.Write(context, table);
            PageOptions.WriteFooter(context, page, text);
            return ExitCodes.Ok;
        });
        return command;
    }
}
