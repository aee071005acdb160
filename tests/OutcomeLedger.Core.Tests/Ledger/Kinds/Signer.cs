using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

/// <summary>Who signs a rule table's record, and how: one party's key, a signature altered after signing, or two signatures.</summary>
internal sealed class Signer
{
    readonly Func<RuleLedger, LedgerRecord, byte[]> _sign;

    Signer(string name, Func<RuleLedger, LedgerRecord, byte[]> sign)
    {
        Name = name;
        _sign = sign;
    }

    public static Signer Operator { get; } = Key("operator", l => l.Operator);

    public static Signer Us { get; } = Key("us", l => l.Us);

    public static Signer Mx { get; } = Key("mx", l => l.Mx);

    public static Signer Gao { get; } = Key("gao", l => l.Gao);

    /// <summary>The key of 'ca', which the fixture does not register.</summary>
    public static Signer Ca { get; } = Key("ca", l => l.Ca);

    /// <summary>The successor key a row's arrangement adds to a party (<see cref="RuleLedger.AddSuccessor"/>).</summary>
    public static Signer Successor { get; } = Key("successor", l => l.Successor);

    public string Name { get; }

    /// <summary>The signer with the key of <paramref name="party"/>.</summary>
    public static Signer Of(PartyId party) => party.Value switch
    {
        "operator" => Operator,
        "us" => Us,
        "mx" => Mx,
        "gao" => Gao,
        "ca" => Ca,
        _ => throw new ArgumentOutOfRangeException(nameof(party), party, "no test key"),
    };

    /// <summary>A registered party's key that is not <paramref name="party"/>'s.</summary>
    public static Signer OtherThan(PartyId party) => party == LedgerFixture.UsId ? Mx : Us;

    /// <summary>The leaf: the record signed as this signer signs.</summary>
    public byte[] Sign(RuleLedger ledger, LedgerRecord record) => _sign(ledger, record);

    /// <summary>This signer's signature with one bit of it flipped after signing.</summary>
    public Signer Altered() => new($"{Name}, signature altered", (l, r) =>
    {
        var envelope = Open(Sign(l, r));
        var signature = envelope.Signatures[0];
        var bytes = signature.Signature.ToArray();
        bytes[0] ^= 1;
        return new DsseEnvelope(envelope.PayloadType, envelope.Payload, [signature with { Signature = bytes }]).ToCanonicalJson();
    });

    /// <summary>Both signers' signatures on one envelope.</summary>
    public Signer And(Signer other) => new($"{Name} and {other.Name}", (l, r) =>
    {
        var first = Open(Sign(l, r));
        var second = Open(other.Sign(l, r));
        return new DsseEnvelope(first.PayloadType, first.Payload, [first.Signatures[0], second.Signatures[0]]).ToCanonicalJson();
    });

    public override string ToString() => Name;

    static Signer Key(string name, Func<RuleLedger, SigningKey> key) => new(name, (l, r) => EntryCodec.Sign(r, key(l)));

    static DsseEnvelope Open(byte[] leaf) =>
        DsseEnvelope.TryParse(leaf, out var envelope, out var error) ? envelope! : throw new InvalidOperationException(error);
}
