using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Storage;

/// <summary>
/// Delegated signing keys as owner-only key files: <paramref name="files"/> maps a party to its file
/// (<c>--delegated-key us=keys/us.key</c>); <paramref name="folder"/> adds every <c>&lt;party&gt;.key</c> in it
/// (<c>--delegated-keys keys/</c>). A file given by party wins over the folder's file of that party.
/// </summary>
public sealed class DelegatedKeyFiles(IReadOnlyDictionary<string, string> files, string? folder) : IDelegatedKeySource
{
    public IReadOnlyDictionary<PartyId, SigningKey> Load()
    {
        ArgumentNullException.ThrowIfNull(files);
        var paths = new Dictionary<PartyId, string>();
        var fromFolder = new HashSet<PartyId>();
        if (folder is not null)
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"delegated key folder '{folder}' does not exist");
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.key").Order(StringComparer.Ordinal))
            {
                var party = new PartyId(Path.GetFileNameWithoutExtension(file));
                paths[party] = file;
                fromFolder.Add(party);
            }
        }

        foreach (var (party, file) in files)
        {
            paths[new PartyId(party)] = file;
            fromFolder.Remove(new PartyId(party));
        }

        var keys = new Dictionary<PartyId, SigningKey>();
        try
        {
            foreach (var (party, file) in paths)
            {
                var line = KeyFile.ReadSecret(file);
                // A ledger's keys folder also holds the log's own signed-note key (PRIVATE+KEY+…): not a party's.
                if (fromFolder.Contains(party) && line.StartsWith("PRIVATE+KEY+", StringComparison.Ordinal))
                {
                    continue;
                }

                keys[party] = KeyFile.ParseSigningKey(line, $"key file '{file}'");
            }
        }
        catch
        {
            foreach (var key in keys.Values)
            {
                key.Dispose();
            }

            throw;
        }

        return keys;
    }
}
