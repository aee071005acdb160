using System.CommandLine;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli;

/// <summary>
/// The author's signing key, checked against the keys the ledger registered for that party before anything is
/// signed, so a wrong key gets a message that says whose key it is (the ledger refuses it regardless).
/// </summary>
internal static class AuthorKey
{
    static readonly PartyId Operator = new("operator");

    /// <summary>Loads the key from --key or $OUTCOMES_KEY (the operator also from the folder's keys/operator.key) and checks it is an active key of <paramref name="author"/>.</summary>
    public static SigningKey Load(CommandContext context, Option<string?> keyOption, PartyId author, LedgerState state, LedgerFolder ledger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ledger);
        var fallback = author == Operator && ledger.Path is not null ? Path.Combine(ledger.KeysPath, "operator.key") : null;
        var key = CommandContext.LoadSigningKey(context.Parse.GetValue(keyOption), fallback);
        try
        {
            Check(key, author, state);
        }
        catch
        {
            key.Dispose();
            throw;
        }

        return key;
    }

    public static void Check(SigningKey key, PartyId author, LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Parties.TryGetValue(author, out var party))
        {
            throw CliError.Check($"--as: party '{author}' is not registered in this ledger (see 'outcomes party list')");
        }

        if (party.HasActiveKey(key.KeyId))
        {
            return;
        }

        if (party.RevokedAt.TryGetValue(key.KeyId, out var revokedAt))
        {
            throw CliError.Check($"the signing key (key id {key.KeyId}) of party '{author}' was revoked at entry {revokedAt}; sign with one of its active keys");
        }

        var owner = state.Parties.Values.FirstOrDefault(p => p.Keys.ContainsKey(key.KeyId));
        throw CliError.Check(owner is null
            ? $"the signing key (key id {key.KeyId}) is not registered to party '{author}', nor to any other party; sign with a key of '{author}'"
            : $"the signing key (key id {key.KeyId}) is registered to party '{owner.Id}', not to '{author}'; use a key of '{author}', or record as '{owner.Id}' (--as {owner.Id})");
    }
}
