using OutcomeLedger.Core.Entries;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

/// <summary>
/// The public keys (base64, as records carry them) of the seeded keys the rule tables use, so a table's rows can name
/// a key without a ledger: seeds 1–4 are <see cref="LedgerFixture"/>'s operator, us, mx and gao.
/// </summary>
internal static class TestKeys
{
    public const byte OperatorSeed = 1;
    public const byte UsSeed = 2;
    public const byte MxSeed = 3;
    public const byte GaoSeed = 4;

    /// <summary>The key of 'ca', a party the fixture does not register (rows register it when they need it).</summary>
    public const byte CaSeed = 5;

    /// <summary>The key a party adds before it revokes its first one.</summary>
    public const byte SuccessorSeed = 6;

    /// <summary>A key no party holds.</summary>
    public const byte FreshSeed = 7;

    public static string Operator { get; } = Public(OperatorSeed);

    public static string Us { get; } = Public(UsSeed);

    public static string Mx { get; } = Public(MxSeed);

    public static string Ca { get; } = Public(CaSeed);

    public static string Successor { get; } = Public(SuccessorSeed);

    public static string Fresh { get; } = Public(FreshSeed);

    public static byte[] Seed(byte b) => Enumerable.Repeat(b, 32).ToArray();

    public static SigningKey Signing(byte seed) => SigningKey.FromSeed(Seed(seed));

    /// <summary>The public key of the seeded key <paramref name="seed"/>, in base64.</summary>
    public static string Public(byte seed)
    {
        using var key = Signing(seed);
        return Convert.ToBase64String(key.PublicKey);
    }

    /// <summary><paramref name="count"/> distinct keys no party holds (seeds from 100).</summary>
    public static IReadOnlyList<string> Distinct(int count) => Enumerable.Range(100, count).Select(s => Public((byte)s)).ToList();

    /// <summary>Base64 of <paramref name="length"/> bytes: a 32-byte key's shape only at length 32.</summary>
    public static string OfLength(int length) => Convert.ToBase64String(Enumerable.Repeat((byte)0x5a, length).ToArray());
}
