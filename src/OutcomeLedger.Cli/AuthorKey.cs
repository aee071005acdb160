using System.CommandLine;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli;

/// <summary>
/// The author's signing key, checked against the keys the ledger registered for that party before anything is
/// signed or stored, so a wrong key gets a message that says whose key it is (the ledger refuses it regardless).
/// </summary>
internal static class AuthorKey
{
    static readonly PartyId Operator = new("operator");

    /// <summary>Loads the key from --key or $OUTCOMES_KEY (the operator also from the folder's keys/operator.key) and checks it is an active key of <paramref name="author"/>.</summary>
    public static async Task<SigningKey> LoadAsync(CommandContext context, Option<string?> keyOption, PartyId author, LedgerFolder ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ledger);
        var fallback = author == Operator && ledger.Path is not null ? Path.Combine(ledger.KeysPath, "operator.key") : null;
        var key = CommandContext.LoadSigningKey(context.Parse.GetValue(keyOption), fallback);
        try
        {
            await ledger.Session.CheckSignerAsync(author, key, cancellationToken);
        }
        catch (LedgerRequestException e) when (e.Errors is [{ Field: "as" } error])
        {
            key.Dispose();
            throw CliError.Check("--as: " + error.Message);
        }
        catch
        {
            key.Dispose();
            throw;
        }

        return key;
    }
}
