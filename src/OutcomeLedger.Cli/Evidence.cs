using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli;

/// <summary>Files stored in the ledger's blob store by their SHA-256, which records cite instead of the content.</summary>
internal static class Evidence
{
    /// <summary>Stores each file and returns its SHA-256 (lowercase hex), in order; a missing file is an environment error.</summary>
    public static async Task<List<string>> PutAsync(LedgerFolder ledger, IEnumerable<string> paths, string option, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var hashes = new List<string>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw CliError.Environment($"{option}: file '{path}' does not exist");
            }

            await using var content = File.OpenRead(path);
            hashes.Add(await ledger.Blobs.PutAsync(content, cancellationToken));
        }

        return hashes;
    }
}
