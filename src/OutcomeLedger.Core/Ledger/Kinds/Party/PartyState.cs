using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// A registered party and its keys (key id → raw public key), with the log index where each was revoked, and the
/// entries that made it so: its registration and every key record for it.
/// </summary>
public sealed class PartyState(PartyRecord record, ulong index, Hash leafHash)
{
    readonly List<(ulong Index, Hash LeafHash)> _entries = [(index, leafHash)];

    public PartyRecord Record { get; } = record;

    public ulong Index { get; } = index;

    public Hash LeafHash { get; } = leafHash;

    public PartyId Id => Record.Id;

    public PartyRole Role => Record.Role;

    public Dictionary<string, byte[]> Keys { get; } = [];

    public Dictionary<string, ulong> RevokedAt { get; } = [];

    /// <summary>The log index at which each key was added (the registration for its first keys).</summary>
    public Dictionary<string, ulong> AddedAt { get; } = [];

    /// <summary>The party's registration and the key records for it, by log index and leaf hash.</summary>
    public IReadOnlyList<(ulong Index, Hash LeafHash)> Entries => _entries;

    public bool HasActiveKey(string keyId) => Keys.ContainsKey(keyId) && !RevokedAt.ContainsKey(keyId);

    internal void AddEntry(ulong index, Hash leafHash)
    {
        if (!_entries.Exists(e => e.Index == index))
        {
            _entries.Add((index, leafHash));
        }
    }
}
