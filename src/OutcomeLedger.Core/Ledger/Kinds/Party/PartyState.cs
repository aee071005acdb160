namespace OutcomeLedger.Core.Ledger;

/// <summary>A registered party and its keys (key id → raw public key), with the log index where each was revoked.</summary>
public sealed class PartyState(PartyRecord record, ulong index)
{
    public PartyRecord Record { get; } = record;

    public ulong Index { get; } = index;

    public PartyId Id => Record.Id;

    public PartyRole Role => Record.Role;

    public Dictionary<string, byte[]> Keys { get; } = [];

    public Dictionary<string, ulong> RevokedAt { get; } = [];

    public bool HasActiveKey(string keyId) => Keys.ContainsKey(keyId) && !RevokedAt.ContainsKey(keyId);
}
