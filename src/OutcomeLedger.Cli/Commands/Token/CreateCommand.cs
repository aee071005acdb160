using System.CommandLine;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Token;

/// <summary>
/// <c>outcomes token create --party us --role party</c>: a new random token, printed once; only its hash is kept.
/// The role must fit the party as registered: admin for the operator, verifier for a verifier, party for a government.
/// </summary>
internal static class CreateCommand
{
    public static Command Create()
    {
        var party = new Option<string>("--party") { Description = "The registered party the token acts for", Required = true, HelpName = "party" };
        var role = new Option<AccessRole>("--role") { Description = "party, verifier or admin", DefaultValueFactory = _ => AccessRole.Party };
        var command = new Command("create", "Create an API token for a party (shown once, stored hashed)") { party, role };
        Examples.Add(command, "outcomes token create --party us --role party --ledger ./us-mx");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var id = new PartyId(context.Parse.GetRequiredValue(party));
            var wanted = context.Parse.GetValue(role);
            var registered = await ledger.Session.FindPartyAsync(id, ct)
                ?? throw CliError.Usage($"party '{id}' is not registered (see 'outcomes party list')");

            var fits = (wanted, registered.Role) switch
            {
                (AccessRole.Admin, PartyRole.Operator) or (AccessRole.Verifier, PartyRole.Verifier) or (AccessRole.Party, PartyRole.Party) => true,
                _ => false,
            };
            if (!fits)
            {
                throw CliError.Usage($"party '{id}' is registered as {registered.Role.ToString().ToLowerInvariant()}; a {wanted.ToString().ToLowerInvariant()} token does not fit it");
            }

            var (stored, token) = await ledger.Tokens.CreateAsync(id, wanted, TimeProvider.System.GetUtcNow(), ct);
            if (context.Json)
            {
                context.WriteJson(new TokenCreated(stored.Id, stored.Party, stored.Role, token), CliJsonContext.Output.TokenCreated);
            }
            else
            {
                await context.Output.WriteLineAsync(token);
                await context.Error.WriteLineAsync($"Token {stored.Id} for {id} ({wanted.ToString().ToLowerInvariant()}): shown once, only its SHA-256 is stored. Send it as 'Authorization: Bearer <token>'.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
