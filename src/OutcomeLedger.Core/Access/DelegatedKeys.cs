using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Access;

/// <summary>
/// The signing keys parties delegated to a server, so their analysts can write through the dashboard's forms and the
/// import endpoint. A key is only used to sign a record authored by its own party; it never appears in a page, a log
/// line or an error.
/// </summary>
public sealed class DelegatedKeys : IDisposable
{
    readonly Dictionary<PartyId, SigningKey> _keys;

    DelegatedKeys(Dictionary<PartyId, SigningKey> keys) => _keys = keys;

    /// <summary>No delegated key: every record must come signed.</summary>
    public static DelegatedKeys None => new([]);

    public IReadOnlyCollection<PartyId> Parties => _keys.Keys;

    /// <summary>Reads the keys from <paramref name="source"/>.</summary>
    public static DelegatedKeys Load(IDelegatedKeySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new DelegatedKeys(new Dictionary<PartyId, SigningKey>(source.Load()));
    }

    /// <summary>The key <paramref name="party"/> delegated to this server, or null: only ever used to sign that party's own records.</summary>
    public SigningKey? KeyOf(PartyId party) => _keys.GetValueOrDefault(party);

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
