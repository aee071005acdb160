using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Token;

/// <summary><c>outcomes token revoke &lt;id&gt;</c>: the server refuses the token from its next request on.</summary>
internal static class RevokeCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The token's id (see 'outcomes token list')" };
        var command = new Command("revoke", "Revoke an API token") { id };
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var tokenId = context.Parse.GetRequiredValue(id);
            if (!await ledger.Tokens.RevokeAsync(tokenId, TimeProvider.System.GetUtcNow(), ct))
            {
                throw CliError.Check($"no token with id '{tokenId}'");
            }

            await context.Output.WriteLineAsync($"Revoked token {tokenId}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
