using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// <c>key</c>: adds or revokes one of a party's Ed25519 public keys. A party changes its own keys (the operator anyone's);
/// a key belongs to one party; the last active key cannot be revoked, so a party never loses its voice.
/// </summary>
public sealed class KeyRecordKind : RecordKind<KeyRecord>
{
    internal KeyRecordKind()
    {
    }

    public override string Name => "key";

    public override string Collection => "keys";

    public override Writers Writers => Writers.Anyone;

    internal override void Check(KeyRecord key, RuleContext rules)
    {
        var state = rules.State;
        var author = rules.RequiredAuthor;
        if (state.FindParty(key.Party) is not { } party)
        {
            rules.Fail("party", $"party '{key.Party}' is not registered");
            return;
        }

        if (author.Id != key.Party && author.Role != PartyRole.Operator)
        {
            rules.Fail("party", $"party '{author.Id}' cannot change the keys of party '{key.Party}'");
        }

        if (RuleContext.TryDecodeKey(key.PublicKey) is not { } raw)
        {
            rules.Fail("publicKey", "not a base64 Ed25519 public key of 32 bytes");
            return;
        }

        var keyId = EntryKeyId.Of(raw);
        if (key.Action == KeyAction.Add && state.FindKeyOwner(keyId) is { } owner)
        {
            rules.Fail("publicKey", $"this key already belongs to party '{owner}'");
        }

        if (key.Action == KeyAction.Revoke)
        {
            if (!party.HasActiveKey(keyId))
            {
                rules.Fail("publicKey", $"key {keyId} is not an active key of party '{key.Party}'");
            }
            else if (party.Keys.Keys.Count(party.HasActiveKey) == 1)
            {
                rules.Fail("publicKey", $"revoking key {keyId} would leave party '{key.Party}' without an active key; add its successor first");
            }
        }
    }

    internal override void Apply(KeyRecord key, ulong index, Hash leafHash, LedgerState state)
    {
        var party = state.FindParty(key.Party)!;
        var raw = Convert.FromBase64String(key.PublicKey);
        var keyId = EntryKeyId.Of(raw);
        if (key.Action == KeyAction.Add)
        {
            state.AddKey(party, keyId, raw, index);
        }
        else
        {
            party.RevokedAt[keyId] = index;
        }

        party.AddEntry(index, leafHash);
    }

    internal override IEnumerable<ProjectionRow> Project(KeyRecord key, ulong index, LedgerState state)
    {
        var party = state.FindParty(key.Party)!;
        var keyId = EntryKeyId.Of(Convert.FromBase64String(key.PublicKey));
        yield return PartyRecordKind.KeyRow(key.Party, key.PublicKey, party.AddedAt[keyId], party.RevokedAt.TryGetValue(keyId, out var revoked) ? revoked : null);
    }

    internal override void Needs(KeyRecord record, StateNeeds needs)
    {
    }

    internal override IEnumerable<(ulong Index, Hash LeafHash)> Candidates(KeyRecord key, LedgerState state) =>
        state.FindParty(key.Party)?.Entries ?? [];
}
