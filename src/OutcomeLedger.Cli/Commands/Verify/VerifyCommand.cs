using System.CommandLine;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;
using OutcomeLedger.Hashing.IpsecMb;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Commands.Verify;

/// <summary>
/// <c>outcomes verify &lt;scorecard.json&gt;</c>: recomputes a scorecard from the log at its checkpoint — a ledger folder,
/// or an exported tiles folder checked with the log's key — and says whether it is byte for byte what the log gives.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var scorecard = new Argument<string>("scorecard") { Description = "The scorecard JSON to check" };
        var key = new Option<string?>("--key") { Description = "The log's verifier key (name+hash+base64); required for a tiles folder", HelpName = "vkey" };
        var command = new Command("verify", "Check a scorecard against the log: signatures, inclusion of every cited entry, identical recomputation") { scorecard, key };
        Examples.Add(command,
            "outcomes verify outcomes-demo/scorecard.json --ledger outcomes-demo",
            "outcomes verify scorecard.json --ledger ./tiles --key \"origin+1234abcd+AQ…\"");
        CommandAction.Set(command, async (context, ct) =>
        {
            var path = context.Parse.GetRequiredValue(scorecard);
            if (!File.Exists(path))
            {
                throw CliError.Usage($"{path}: no such file");
            }

            var json = await File.ReadAllBytesAsync(path, ct);
            var location = context.LedgerLocation;
            var vkey = context.Parse.GetValue(key);
            NoteVerifier logKey;
            List<byte[]> entries;
            if (Directory.Exists(location) && File.Exists(Path.Combine(location, "checkpoint")) && !File.Exists(Path.Combine(location, LedgerFolder.ConfigFile)))
            {
                logKey = ParseKey(vkey ?? throw CliError.Usage("--key: a tiles folder is checked against the log's verifier key; give it with --key"));
                entries = ReadTiles(location, logKey);
            }
            else
            {
                await using var ledger = await context.OpenLedgerAsync(ct);
                logKey = vkey is null ? ledger.LogVerifierKey.CreateVerifier() : ParseKey(vkey);
                var checkpoint = await ledger.Store.GetLatestCheckpointAsync(ct) ?? throw CliError.Check("the log has no checkpoint yet");
                entries = [];
                while ((ulong)entries.Count < checkpoint.Size)
                {
                    var page = await ledger.Store.ReadLeavesAsync((ulong)entries.Count, 4096, ct);
                    if (page.Count == 0)
                    {
                        throw CliError.Check($"entry {entries.Count} is missing from the ledger");
                    }

                    entries.AddRange(page.Select(l => l.Data));
                }
            }

            var check = ScorecardVerifier.Verify(json, logKey, entries, context.Sha256.Hasher);
            if (context.Json)
            {
                context.WriteJson(new ScorecardVerified(check.IsValid, check.Message, check.EntriesChecked), CliJsonContext.Output.ScorecardVerified);
            }
            else if (check.IsValid)
            {
                context.Output.WriteLine("valid: " + check.Message);
            }
            else
            {
                context.Error.WriteLine("invalid: " + check.Message);
            }

            return check.IsValid ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    static NoteVerifier ParseKey(string vkey) =>
        VerifierKey.TryParse(vkey, out var key, out var error) ? key.CreateVerifier() : throw CliError.Usage($"--key: {error.Message}");

    /// <summary>Checks the whole tiles folder with the key, then returns its entries in order.</summary>
    static List<byte[]> ReadTiles(string directory, NoteVerifier logKey)
    {
        byte[]? Read(string relative)
        {
            var file = Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar));
            return File.Exists(file) ? File.ReadAllBytes(file) : null;
        }

        var check = new TiledLogVerifier(logKey) { Sha256 = Sha256Choice.FromEnvironment().Hasher }.Verify(Read);
        if (!check.IsValid)
        {
            throw CliError.Check($"the tiles folder does not verify: {check}");
        }

        var size = check.Checkpoint!.TreeSize;
        var entries = new List<byte[]>();
        foreach (var bundle in TileLayout.EntryBundles(size))
        {
            if (!EntryBundle.TryDecode(Read(bundle.Path) ?? [], bundle.Width, out var items, out var error))
            {
                throw CliError.Check($"{bundle.Path}: {error}");
            }

            entries.AddRange(items.Select(e => e.ToArray()));
        }

        return entries;
    }
}
