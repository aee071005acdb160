using System.CommandLine;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Token;

/// <summary><c>outcomes token list</c>: token ids, parties, roles and revocations; never the tokens or their hashes.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List API tokens (ids, parties, roles; never the secrets)");
        command.Options.Add(TableOutput.Format);
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var tokens = await ledger.Tokens.ListAsync(ct);
            if (context.Json)
            {
                context.WriteJson(tokens.Select(t => new { id = t.Id, party = t.Party, role = t.Role, createdAt = t.CreatedAt, revokedAt = t.RevokedAt }));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Id", "Party", "Role", "Created", "Revoked");
            foreach (var t in tokens)
            {
                table.AddRow(t.Id, Markup.Escape(t.Party.Value), t.Role.ToString().ToLowerInvariant(), t.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture), t.RevokedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }

            TableOutput.Write(context, table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
