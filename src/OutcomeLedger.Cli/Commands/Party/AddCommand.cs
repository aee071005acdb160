using System.CommandLine;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Party;

/// <summary><c>outcomes party add</c>: the operator registers a party with its public key.</summary>
internal static class AddCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The party's id: lowercase letters, digits, hyphens (e.g. us, mx, gao)" };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var role = new Option<PartyRole>("--role") { Description = "party (a government) or verifier (an independent verifier)", Required = true };
        var publicKey = new Option<string>("--public-key") { Description = "The party's public key: base64, or a key file whose public half is used", Required = true, HelpName = "key" };
        var key = CommonOptions.Key();
        key.Description = "The operator's signing key file (default: the ledger folder's keys/operator.key)";
        var command = new Command("add", "Register a party (signed by the ledger's operator)")
        {
            id, name, role, publicKey, key,
        };
        Examples.Add(command, "outcomes party add us --name \"United States\" --role party --public-key us.key --ledger ./us-mx");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            using var operatorKey = CommandContext.LoadSigningKey(context.Parse.GetValue(key), ledger.Path is null ? null : Path.Combine(ledger.KeysPath, "operator.key"));
            var record = new PartyRecord
            {
                Author = new PartyId("operator"),
                RecordedAt = ledger.Session.Now(),
                Id = new PartyId(context.Parse.GetRequiredValue(id)),
                Name = context.Parse.GetRequiredValue(name),
                Role = context.Parse.GetValue(role),
                Keys = [PublicKeyOf(context, context.Parse.GetRequiredValue(publicKey))],
            };
            var result = await ledger.Session.RecordAsync(record, operatorKey, ct);
            if (context.Json)
            {
                context.WriteJson(new PartyWritten(record.Id, result.Index, result.Status.ToString().ToLowerInvariant()), CliJsonContext.Output.PartyWritten);
            }
            else
            {
                context.Output.WriteLine($"Party '{record.Id}' {Submission.Describe(result)}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A base64 public key as given, or the public half of a key file.</summary>
    internal static string PublicKeyOf(CommandContext context, string value)
    {
        if (File.Exists(value))
        {
            using var signing = CommandContext.LoadSigningKey(value);
            return Convert.ToBase64String(signing.PublicKey);
        }

        var bytes = new byte[32];
        return Convert.TryFromBase64String(value, bytes, out var written) && written == 32
            ? value
            : throw CliError.Usage("--public-key: neither a key file nor a base64 Ed25519 public key");
    }
}
