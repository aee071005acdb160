using System.CommandLine;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Party;

/// <summary>
/// <c>outcomes party key add|revoke|list</c>: a party's signing keys over time. A party adds its successor key with its
/// current one, then revokes the old key; a revoked key signs nothing logged after the revocation, while everything it
/// signed before stays valid (the log proves when it was revoked). The operator may change any party's keys, for a
/// party that lost its only key.
/// </summary>
internal static class PartyKeyCommand
{
    public static Command Create() => new("key", "Add, revoke and list a party's signing keys") { Add(), Revoke(), List() };

    static Command Add()
    {
        var party = PartyArgument();
        var publicKey = new Option<string>("--public-key") { Description = "The new key: base64, or a key file whose public half is used", Required = true, HelpName = "key" };
        var author = Author();
        var key = CommonOptions.Key();
        var command = new Command("add", "Add a signing key to a party (signed by the party with a current key, or by the operator)")
        {
            party, publicKey, author, key,
        };
        Examples.Add(command,
            "outcomes key generate --out us-2027.key",
            "outcomes party key add us --public-key us-2027.key --key us.key");
        CommandAction.Set(command, (context, ct) => RecordAsync(context, party, author, key, KeyAction.Add, (_, _) => AddCommand.PublicKeyOf(context, context.Parse.GetRequiredValue(publicKey)), ct));
        return command;
    }

    static Command Revoke()
    {
        var party = PartyArgument();
        var revoked = new Option<string>("--revoke") { Description = "The key to revoke: its key id (from `party key list`), base64 public key, or a key file", Required = true, HelpName = "key" };
        var author = Author();
        var key = CommonOptions.Key();
        var command = new Command("revoke", "Revoke one of a party's signing keys; what it signed before stays valid")
        {
            party, revoked, author, key,
        };
        Examples.Add(command, "outcomes party key revoke us --revoke us.key --key us-2027.key");
        CommandAction.Set(command, (context, ct) => RecordAsync(context, party, author, key, KeyAction.Revoke, (state, id) => PublicKeyToRevoke(context, state, id, context.Parse.GetRequiredValue(revoked)), ct));
        return command;
    }

    static Command List()
    {
        var party = new Argument<string?>("party") { Description = "Only this party's keys (default: every party's)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", "List parties' keys: active and revoked, with the entries that added and revoked them") { party };
        command.Options.Add(TableOutput.Format);
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var parties = await ledger.Session.PartiesAsync(ct);
            if (context.Parse.GetValue(party) is { } only)
            {
                parties = [.. parties.Where(p => p.Id.Value == only)];
                if (parties.Count == 0)
                {
                    throw CliError.Check($"party: '{only}' is not registered");
                }
            }

            var rows = parties
                .SelectMany(p => p.Keys.Select(k => (Party: p, KeyId: k.Key, PublicKey: Convert.ToBase64String(k.Value),
                    Added: p.AddedAt.TryGetValue(k.Key, out var added) ? added : p.Index,
                    Revoked: p.RevokedAt.TryGetValue(k.Key, out var at) ? at : (ulong?)null)))
                .OrderBy(r => r.Party.Index).ThenBy(r => r.Added).ThenBy(r => r.KeyId, StringComparer.Ordinal)
                .ToList();
            if (context.Json)
            {
                context.WriteJson(rows.Select(r => new { party = r.Party.Id, keyId = r.KeyId, publicKey = r.PublicKey, addedAt = r.Added, revokedAt = r.Revoked, active = r.Revoked is null }));
                return ExitCodes.Ok;
            }

            var text = context.Text;
            var table = new Table().AddColumns(new[] { text.Party, text.KeyId, text.PublicKeyHeading, text.KeyAddedAt, text.KeyRevokedAt }.Select(Markup.Escape).ToArray());
            foreach (var row in rows)
            {
                table.AddRow(
                    Markup.Escape(row.Party.Id.Value), Markup.Escape(row.KeyId), Markup.Escape(row.PublicKey), ValueOptions.Format(row.Added),
                    row.Revoked is { } at ? ValueOptions.Format(at) : Markup.Escape(text.KeyStillActive));
            }

            TableOutput.Write(context, table);
            return ExitCodes.Ok;
        });
        return command;
    }

    static Argument<string> PartyArgument() => new("party") { Description = "The party whose keys change (e.g. us, mx)" };

    static Option<string?> Author() => new("--as")
    {
        Description = "Who signs the change: the party itself (default) or operator",
        HelpName = "party",
    };

    static async Task<int> RecordAsync(
        CommandContext context, Argument<string> partyArgument, Option<string?> authorOption, Option<string?> keyOption, KeyAction action,
        Func<PartyState, PartyId, string> publicKeyOf, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        await using var ledger = await context.OpenLedgerAsync(cancellationToken);
        var partyId = new PartyId(parse.GetRequiredValue(partyArgument));
        var state = await ledger.Session.FindPartyAsync(partyId, cancellationToken) ?? throw CliError.Check($"party: '{partyId}' is not registered");
        var publicKey = publicKeyOf(state, partyId);
        var authorId = parse.GetValue(authorOption) is { } given ? new PartyId(given) : partyId;
        using var signingKey = await AuthorKey.LoadAsync(context, keyOption, authorId, ledger, cancellationToken);
        var record = new KeyRecord
        {
            Author = authorId,
            RecordedAt = ledger.Session.Now(),
            Party = partyId,
            Action = action,
            PublicKey = publicKey,
        };
        var result = await ledger.Session.RecordAsync(record, signingKey, cancellationToken);
        var keyId = EntryKeyId.Of(Convert.FromBase64String(publicKey));
        if (context.Json)
        {
            context.WriteJson(new { party = partyId, keyId, action = ValueOptions.Name(action), index = result.Index, status = ValueOptions.Name(result.Status) });
        }
        else
        {
            var done = action == KeyAction.Add ? "added to" : "revoked for";
            context.Output.WriteLine($"Key {keyId} {done} party '{partyId}': {Submission.Describe(result)}.");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The base64 public key of a party's key given by key id, base64 public key or key file.</summary>
    static string PublicKeyToRevoke(CommandContext context, PartyState party, PartyId id, string value)
    {
        if (party.Keys.TryGetValue(value, out var raw))
        {
            return Convert.ToBase64String(raw);
        }

        if (File.Exists(value) || value.Length == 44)
        {
            return AddCommand.PublicKeyOf(context, value);
        }

        throw CliError.Check($"--revoke: '{value}' is neither a key id of party '{id}' (see `outcomes party key list {id}`), a base64 public key nor a key file");
    }
}
