using OutcomeLedger.Core.Sessions;

namespace OutcomeLedger.Cli;

/// <summary>Files stored in the ledger's evidence store by their SHA-256, which records cite instead of the content.</summary>
internal static class Evidence
{
    /// <summary>Stores each file and returns its SHA-256 (lowercase hex), in order; a missing file is an environment error.</summary>
    public static async Task<List<string>> PutAsync(LedgerSession session, IEnumerable<string> paths, string option, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var hashes = new List<string>();
        foreach (var path in paths)
        {
            InputFile.Require(path, $"{option}: file ");

            await using var content = File.OpenRead(path);
            hashes.Add(await session.PutEvidenceAsync(content, cancellationToken));
        }

        return hashes;
    }
}
