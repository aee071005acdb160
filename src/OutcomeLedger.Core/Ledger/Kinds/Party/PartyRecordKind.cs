using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// <c>party</c>: registers a government, a verifier or (as the log's first entry) the ledger's operator, with its
/// initial Ed25519 public keys. Only the operator registers parties; an id is registered once.
/// </summary>
public sealed class PartyRecordKind : RecordKind<PartyRecord>
{
    internal PartyRecordKind()
    {
    }

    public override string Name => "party";

    public override string Collection => "parties";

    public override Writers Writers => Writers.Operator;

    /// <summary>Every party: the entry that registered it.</summary>
    public static ProjectionTable PartiesTable { get; } = new("parties", [ProjectionColumn.Text("id"), ProjectionColumn.Integer("log_index"), ProjectionColumn.Text("role")]);

    /// <summary>Every key ever registered: its party, when it was added and, once revoked, when.</summary>
    public static ProjectionTable KeysTable { get; } = new("party_keys",
        [ProjectionColumn.Text("key_id"), ProjectionColumn.Text("party"), ProjectionColumn.Text("public_key"), ProjectionColumn.Integer("added_at"), ProjectionColumn.Integer("revoked_at", nullable: true)],
        ["party"]);

    public override IReadOnlyList<ProjectionTable> Tables { get; } = [PartiesTable, KeysTable];

    internal override void Check(PartyRecord party, RuleContext rules)
    {
        var state = rules.State;
        if (rules.Author is not null)
        {
            rules.RequireOperator("a party");
        }

        rules.Slug("id", party.Id.Value);
        if (state.FindParty(party.Id) is not null)
        {
            rules.Fail("id", $"party '{party.Id}' is already registered; keys change with key records");
        }

        if (rules.Author is not null && party.Role == PartyRole.Operator)
        {
            rules.Fail("role", "a ledger has one operator, registered by its first entry");
        }

        rules.Text("name", party.Name, RuleContext.MaxShortText);
        if (party.Keys.Count is 0 or > 8)
        {
            rules.Fail("keys", "a party registers between 1 and 8 public keys");
        }

        for (var i = 0; i < party.Keys.Count; i++)
        {
            if (RuleContext.TryDecodeKey(party.Keys[i]) is not { } raw)
            {
                rules.Fail($"keys[{i}]", "not a base64 Ed25519 public key of 32 bytes");
            }
            else if (state.FindKeyOwner(EntryKeyId.Of(raw)) is { } owner)
            {
                rules.Fail($"keys[{i}]", $"this key already belongs to party '{owner}'");
            }
        }
    }

    internal override void Apply(PartyRecord party, ulong index, Hash leafHash, LedgerState state)
    {
        var registered = new PartyState(party, index, leafHash);
        state.AddParty(registered);
        foreach (var key in party.Keys)
        {
            var raw = Convert.FromBase64String(key);
            state.AddKey(registered, EntryKeyId.Of(raw), raw, index);
        }
    }

    internal override IEnumerable<ProjectionRow> Project(PartyRecord party, ulong index, LedgerState state)
    {
        yield return PartiesTable.Row(party.Id.Value, (long)index, ProjectionNames.Of(party.Role));
        foreach (var key in party.Keys)
        {
            yield return KeyRow(party.Id, key, index, revokedAt: null);
        }
    }

    internal override void Needs(PartyRecord record, StateNeeds needs)
    {
    }

    internal override IEnumerable<(ulong Index, Hash LeafHash)> Candidates(PartyRecord party, LedgerState state) =>
        state.FindParty(party.Id)?.Entries ?? [];

    /// <summary>The row of one key, as the entries so far leave it.</summary>
    internal static ProjectionRow KeyRow(PartyId party, string publicKey, ulong addedAt, ulong? revokedAt) =>
        KeysTable.Row(EntryKeyId.Of(Convert.FromBase64String(publicKey)), party.Value, publicKey, (long)addedAt, (long?)revokedAt);
}
