using System.CommandLine;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Commands.Init;

/// <summary><c>outcomes init &lt;folder&gt; --origin &lt;name&gt;</c>: a new ledger with its log key and operator.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Folder to create (must not exist, or be empty)" };
        var origin = new Option<string>("--origin") { Description = "The log's origin, its public name in checkpoints (e.g. ledger.example.org/us-mx)", Required = true };
        var database = new Option<string?>("--database") { Description = "PostgreSQL connection string for a shared deployment (default: SQLite in the folder)", HelpName = "connection" };
        var evidence = new Option<string?>("--evidence")
        {
            Description = "A folder for evidence files, relative to the ledger folder or absolute (default: blobs/ in the folder, or the PostgreSQL database)",
            HelpName = "folder",
        };
        var operatorName = new Option<string>("--operator-name") { Description = "Display name of the ledger's operator", DefaultValueFactory = _ => "Ledger operator" };
        var command = new Command("init", "Create a ledger: a folder with its database, evidence store, log key and operator key")
        {
            folder, origin, database, evidence, operatorName,
        };
        Examples.Add(command, "outcomes init ./us-mx --origin ledger.example.org/us-mx",
            "outcomes init ./shared --origin ledger.example.org/us-mx --database \"Host=db;Database=ledger;Username=outcomes\" --evidence /srv/evidence");
        CommandAction.Set(command, (context, ct) => RunAsync(context, context.Parse.GetRequiredValue(folder), context.Parse.GetRequiredValue(origin), context.Parse.GetValue(database), context.Parse.GetValue(evidence), context.Parse.GetRequiredValue(operatorName), ct));
        return command;
    }

    static async Task<int> RunAsync(CommandContext context, string folder, string origin, string? database, string? evidence, string operatorName, CancellationToken cancellationToken)
    {
        LedgerFolder ledger;
        try
        {
            ledger = await LedgerFolder.CreateAsync(folder, origin, database, PlatformBatchSha256.Instance, evidence, cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw CliError.Usage(e.Message);
        }
        catch (LedgerStoreUnavailableException e)
        {
            throw CliError.Environment($"cannot open the ledger database: {e.Message}");
        }

        await using (ledger)
        {
            using var operatorKey = SigningKey.Generate();
            var keyPath = Path.Combine(ledger.KeysPath, "operator.key");
            KeyFile.WriteSigningKey(keyPath, operatorKey);
            var operatorId = new PartyId("operator");
            var genesis = new PartyRecord
            {
                Author = operatorId,
                RecordedAt = ledger.Session.Now(),
                Id = operatorId,
                Name = operatorName,
                Role = PartyRole.Operator,
                Keys = [Convert.ToBase64String(operatorKey.PublicKey)],
            };
            // The genesis entry registers the operator whose key signs it: nothing to check the signer against yet.
            var results = await ledger.Session.SubmitAsync([EntryCodec.Sign(genesis, operatorKey)], cancellationToken);
            if (results[0].Status == SubmitStatus.Rejected)
            {
                throw CliError.Check("genesis refused: " + string.Join("; ", results[0].Errors));
            }

            if (context.Json)
            {
                context.WriteJson(new LedgerInitialised(Path.GetFullPath(folder), origin, ledger.LogVerifierKey.ToString(), keyPath, results[0].Index), CliJsonContext.Output.LedgerInitialised);
            }
            else
            {
                context.Output.WriteLine($"Created ledger {Path.GetFullPath(folder)} (origin {origin}).");
                context.Output.WriteLine($"Log verifier key: {ledger.LogVerifierKey}");
                context.Output.WriteLine($"Operator signing key: {keyPath} (owner-only; keep it safe)");
                context.Output.WriteLine("Next: register the parties, e.g.");
                context.Output.WriteLine($"  outcomes key generate --out us.key");
                context.Output.WriteLine($"  outcomes party add us --name \"United States\" --role party --public-key us.key --ledger {folder}");
            }
        }

        return ExitCodes.Ok;
    }
}
