using System.CommandLine;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Party;

/// <summary><c>outcomes party list</c>: registered parties with their roles and active keys.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List registered parties");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var parties = await ledger.Session.PartiesAsync(ct);
            if (context.Json)
            {
                context.WriteJson(parties.Select(p => new { id = p.Id, name = p.Record.Name, role = p.Role, entry = p.Index, activeKeys = p.Keys.Keys.Where(p.HasActiveKey).Order(StringComparer.Ordinal) }));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Party", "Name", "Role", "Active keys", "Entry");
            foreach (var party in parties)
            {
                table.AddRow(Markup.Escape(party.Id.Value), Markup.Escape(party.Record.Name), party.Role.ToString().ToLowerInvariant(), party.Keys.Keys.Count(party.HasActiveKey).ToString(System.Globalization.CultureInfo.InvariantCulture), party.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
