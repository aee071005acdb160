using NSec.Cryptography;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Tests.Transparency.Notes;

public class Ed25519PublicKeyTests
{
    [Fact]
    public void CctvVectors_AllLoaded() => Assert.Equal(914, CctvEd25519Vectors.All.Count);

    [Theory]
    [MemberData(nameof(CctvEd25519Vectors.Numbers), MemberType = typeof(CctvEd25519Vectors))]
    public void Verify_CctvVector_MatchesGo(int number)
    {
        var vector = CctvEd25519Vectors.All[number];
        var key = new Ed25519PublicKey(vector.Key);

        Assert.Equal(vector.GoAccepts, key.Verify(vector.Message, vector.Signature));
    }

    [Theory]
    [MemberData(nameof(CctvEd25519Vectors.Numbers), MemberType = typeof(CctvEd25519Vectors))]
    public void ReferenceVerifier_CctvVector_MatchesGo(int number)
    {
        var vector = CctvEd25519Vectors.All[number];

        Assert.Equal(vector.GoAccepts, Rfc8032Verifier.Verify(vector.Key, vector.Message, vector.Signature));
    }

    // The design rests on libsodium being stricter than Go: whatever NSec accepts, Go accepts.
    [Fact]
    public void NSecAccepts_OnlyWhatGoAccepts()
    {
        var nsecAccepted = 0;
        foreach (var vector in CctvEd25519Vectors.All)
        {
            if (PublicKey.TryImport(SignatureAlgorithm.Ed25519, vector.Key, KeyBlobFormat.RawPublicKey, out var key)
                && SignatureAlgorithm.Ed25519.Verify(key!, vector.Message, vector.Signature))
            {
                nsecAccepted++;
                Assert.True(vector.GoAccepts, $"vector {vector.Number}: NSec accepts, Go rejects");
            }
        }

        Assert.True(nsecAccepted < CctvEd25519Vectors.All.Count(v => v.GoAccepts), "NSec alone would already match Go");
    }

    [Fact]
    public void Verify_RandomKeysAndTamperedSignatures_AgreesWithReference()
    {
        var random = new Random(20261128);
        for (var i = 0; i < 40; i++)
        {
            var seed = new byte[32];
            random.NextBytes(seed);
            using var privateKey = Ed25519PrivateKey.FromSeed(seed);
            var message = new byte[random.Next(0, 200)];
            random.NextBytes(message);
            var signature = privateKey.Sign(message);

            Assert.True(privateKey.PublicKey.Verify(message, signature));
            Assert.True(Rfc8032Verifier.Verify(privateKey.PublicKey.Bytes, message, signature));

            var tampered = (byte[])signature.Clone();
            tampered[random.Next(tampered.Length)] ^= (byte)(1 << random.Next(8));
            Assert.False(privateKey.PublicKey.Verify(message, tampered));
            Assert.False(Rfc8032Verifier.Verify(privateKey.PublicKey.Bytes, message, tampered));
        }
    }

    [Fact]
    public void Verify_WrongSignatureLength_ReturnsFalse()
    {
        using var privateKey = Ed25519PrivateKey.FromSeed(new byte[32]);
        var signature = privateKey.Sign("m"u8);

        Assert.False(privateKey.PublicKey.Verify("m"u8, signature.AsSpan(0, 63)));
        Assert.False(privateKey.PublicKey.Verify("m"u8, [.. signature, 0]));
    }

    // RFC 8032 §7.1 TEST 1 (empty message).
    [Fact]
    public void Sign_Rfc8032Test1_MatchesPublishedSignature()
    {
        using var privateKey = Ed25519PrivateKey.FromSeed(Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Convert.ToHexStringLower(privateKey.PublicKey.Bytes));
        Assert.Equal(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            Convert.ToHexStringLower(privateKey.Sign([])));
    }
}
