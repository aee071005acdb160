using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Parties;

/// <summary>A registered party with its keys (id, raw public key in base64, and the entry that revoked it if any).</summary>
public sealed record PartyView(ulong Index, string Id, string Name, PartyRole Role, IReadOnlyList<PartyKeyView> Keys)
{
    public static PartyView From(PartyState party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return new(party.Index, party.Id.Value, party.Record.Name, party.Role,
            [.. party.Keys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => new PartyKeyView(k.Key, Convert.ToBase64String(k.Value), party.RevokedAt.TryGetValue(k.Key, out var at) ? at : null))]);
    }
}
