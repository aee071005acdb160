using System.Globalization;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency;

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

    public override IReadOnlyList<ProjectionTable> Tables { get; } =
    [
        new("parties", ["name", "role"]),
        new("party_keys", ["party", "public_key", "revoked_at"]),
    ];

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
        var registered = new PartyState(party, index);
        state.AddParty(registered);
        foreach (var key in party.Keys)
        {
            var raw = Convert.FromBase64String(key);
            state.AddKey(registered, EntryKeyId.Of(raw), raw);
        }
    }

    internal override IEnumerable<ProjectionRow> Project(PartyRecord party, ulong index, LedgerState state)
    {
        yield return ProjectionRow.Of("parties", party.Id.Value, index, ("name", party.Name), ("role", ProjectionRow.Name(party.Role)));
        foreach (var key in party.Keys)
        {
            yield return KeyRow(party.Id, key, index, revokedAt: null);
        }
    }

    /// <summary>The row of one key: it carries the index of the entry that last changed it (added, or revoked).</summary>
    internal static ProjectionRow KeyRow(PartyId party, string publicKey, ulong index, ulong? revokedAt) =>
        ProjectionRow.Of("party_keys", EntryKeyId.Of(Convert.FromBase64String(publicKey)), index,
            ("party", party.Value), ("public_key", publicKey), ("revoked_at", revokedAt?.ToString(CultureInfo.InvariantCulture)));
}
