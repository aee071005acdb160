using System.CommandLine;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Statement;

/// <summary><c>outcomes statement list</c>: the statements on record, oldest first.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var paging = new PageOptions();
        var command = new Command("list", "List statements by date");
        command.Options.Add(TableOutput.Format);
        paging.AddTo(command);
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var page = await ledger.Session.ListStatementsAsync(paging.PageOf(context.Parse), ct);
            var statements = page.Items;
            if (context.Json)
            {
                context.WriteJson(statements.Select(s => new { entry = s.Index, statement = s.Record }));
                return ExitCodes.Ok;
            }

            var text = context.Text;
            var table = new Table().AddColumns(
                new[] { text.Statement, text.Date, text.Kind, text.Parties, text.Title, text.Quotes, text.EntryHeading }.Select(Markup.Escape).ToArray());
            foreach (var s in statements)
            {
                table.AddRow(
                    Markup.Escape(s.Record.Id.Value), ValueOptions.Format(s.Record.Date), Markup.Escape(text.StatementKindName(s.Record.StatementKind)),
                    Markup.Escape(string.Join(", ", s.Record.Parties)), Markup.Escape(s.Record.Title),
                    s.Record.Quotes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ValueOptions.Format(s.Index));
            }

            TableOutput.Write(context, table);
            PageOptions.WriteFooter(context, page, text);
            return ExitCodes.Ok;
        });
        return command;
    }
}
