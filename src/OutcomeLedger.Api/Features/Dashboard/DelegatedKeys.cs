using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// The signing keys parties delegated to this server, so their analysts can write through the dashboard's forms:
/// one owner-only key file per party (<c>--delegated-key us=keys/us.key</c>, or a folder of <c>&lt;party&gt;.key</c>
/// files). A key is only used to sign a record authored by its party for a signed-in token of that party; it never
/// appears in a page, a log line or an error.
/// </summary>
public sealed class DelegatedKeys : IDisposable
{
    readonly Dictionary<PartyId, SigningKey> _keys;

    DelegatedKeys(Dictionary<PartyId, SigningKey> keys) => _keys = keys;

    public IReadOnlyCollection<PartyId> Parties => _keys.Keys;

    /// <summary>
    /// Reads the key files (refusing any readable by others): <paramref name="files"/> maps a party to its file;
    /// <paramref name="folder"/> adds every <c>&lt;party&gt;.key</c> in it.
    /// </summary>
    public static DelegatedKeys Load(IReadOnlyDictionary<string, string> files, string? folder)
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

        return new DelegatedKeys(keys);
    }

    /// <summary>The key <paramref name="party"/> delegated to this server, or null: only ever used to sign that party's own records.</summary>
    internal SigningKey? KeyOf(PartyId party) => _keys.GetValueOrDefault(party);

    /// <summary>Signs the record with its author's delegated key; false when the author delegated none.</summary>
    public bool TrySign(LedgerRecord record, out byte[] entry)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_keys.TryGetValue(record.Author, out var key))
        {
            entry = EntryCodec.Sign(record, key);
            return true;
        }

        entry = [];
        return false;
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Clear();
    }
}
