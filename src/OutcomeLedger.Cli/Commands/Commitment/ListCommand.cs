using System.CommandLine;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Commitment;

/// <summary><c>outcomes commitment list</c>: commitments with their agreement, responsible parties, dates and indicators.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var agreement = new Option<string?>("--agreement") { Description = "Only this agreement's commitments" };
        var paging = new PageOptions();
        var command = new Command("list", "List commitments") { agreement };
        command.Options.Add(TableOutput.Format);
        paging.AddTo(command);
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var only = context.Parse.GetValue(agreement);
            var page = await ledger.Session.ListCommitmentsAsync(only is null ? null : new AgreementId(only), paging.PageOf(context.Parse), ct);
            var commitments = page.Items;
            var indicators = new Dictionary<CommitmentId, List<string>>();
            foreach (var c in commitments)
            {
                var listed = await ledger.Session.ListIndicatorsAsync(c.Record.Id, new Paging(0, Paging.MaxLimit), ct);
                indicators[c.Record.Id] = [.. listed.Items.Select(i => i.Record.Id.Value)];
            }

            List<string> Indicators(CommitmentId id) => indicators[id];
            if (context.Json)
            {
                context.WriteJson(commitments.Select(c => new { entry = c.Index, commitment = c.Record, indicators = Indicators(c.Record.Id) }));
                return ExitCodes.Ok;
            }

            var text = context.Text;
            var table = new Table().AddColumns(
                new[] { text.Commitment, text.Agreement, text.Responsible, text.MadeOn, text.Due, text.Indicators, text.TextHeading, text.EntryHeading }
                    .Select(Markup.Escape).ToArray());
            foreach (var c in commitments)
            {
                table.AddRow(
                    Markup.Escape(c.Record.Id.Value), Markup.Escape(c.Record.Agreement.Value), Markup.Escape(string.Join(", ", c.Record.ResponsibleParties)),
                    ValueOptions.Format(c.Record.MadeOn), c.Record.DueDate is { } due ? ValueOptions.Format(due) : Markup.Escape(text.NoDueDate),
                    Markup.Escape(string.Join(", ", Indicators(c.Record.Id))), Markup.Escape(c.Record.Text), ValueOptions.Format(c.Index));
            }

            TableOutput.Write(context, table);
            PageOptions.WriteFooter(context, page, text);
            return ExitCodes.Ok;
        });
        return command;
    }
}
