using System.CommandLine;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Party;

/// <summary><c>outcomes party list</c>: registered parties with their roles and active keys.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List registered parties");
        command.Options.Add(TableOutput.Format);
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var parties = await ledger.Session.PartiesAsync(ct);
            if (context.Json)
            {
                context.WriteJson(parties.Select(p => new { id = p.Id, name = p.Record.Name, role = p.Role, entry = p.Index, activeKeys = p.Keys.Keys.Where(p.HasActiveKey).Order(StringComparer.Ordinal) }));
                return ExitCodes.Ok;
            }

            var text = context.Text;
            var table = new Table().AddColumns(new[] { text.Party, text.Name, text.Role, text.ActiveKeys, text.EntryHeading }.Select(Markup.Escape).ToArray());
            foreach (var party in parties)
            {
                table.AddRow(
                    Markup.Escape(party.Id.Value), Markup.Escape(party.Record.Name), Markup.Escape(text.PartyRoleName(party.Role)),
                    party.Keys.Keys.Count(party.HasActiveKey).ToString(System.Globalization.CultureInfo.InvariantCulture), ValueOptions.Format(party.Index));
            }

            TableOutput.Write(context, table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
