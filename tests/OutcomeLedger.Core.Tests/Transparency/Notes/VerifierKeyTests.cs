using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Tests.Transparency.Notes;

public class VerifierKeyTests
{
    const string GoKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    [Fact]
    public void TryParse_GoKey_ParsesNameIdTypeAndFormatsBack()
    {
        Assert.True(VerifierKey.TryParse(GoKey, out var key, out var error), error?.Message);

        Assert.Equal("PeterNeumann", key.Name);
        Assert.Equal(0xc74f20a3u, key.KeyId);
        Assert.Equal(NoteKeyType.Ed25519, key.Type);
        Assert.Equal(GoKey, key.ToString());
        Assert.IsType<Ed25519NoteVerifier>(key.CreateVerifier());
    }

    [Fact]
    public void TryParse_UpperCaseKeyId_AcceptedLikeGo()
    {
        Assert.True(VerifierKey.TryParse(GoKey.Replace("c74f20a3", "C74F20A3", StringComparison.Ordinal), out var key, out var error), error?.Message);
        Assert.Equal(GoKey, key.ToString());
    }

    [Fact]
    public void TryParse_CosignatureKey_CreatesCosignatureVerifier()
    {
        var text = NoteVectors.SkylightVerifierKey("witness.v0.json");

        Assert.True(VerifierKey.TryParse(text, out var key, out var error), error?.Message);
        Assert.Equal(NoteKeyType.CosignatureV1, key.Type);
        Assert.Equal(0xb8a2cf20u, key.KeyId);
        Assert.IsType<CosignatureV1Verifier>(key.CreateVerifier());
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void TryParse_GoBadKeyVectors_Rejected(int index)
    {
        var bad = NoteVectors.SignedNote(3).GetProperty("bad_vkeys")[index].GetString();

        Assert.False(VerifierKey.TryParse(bad, out _, out var error));
        Assert.NotEqual(NoteErrorKind.KeyIdMismatch, error.Kind);
    }

    [Theory]
    [InlineData("", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+c74f20a3", NoteErrorKind.MalformedKey)]
    [InlineData("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", NoteErrorKind.MalformedKey)]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", NoteErrorKind.MalformedKey)]
    [InlineData("Peter\tNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+c74f20a3a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+0xc74f20+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+-74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", NoteErrorKind.KeyIdMismatch)]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW==", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T W", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq_LDE4izWy10TW", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+c74f20a3+", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+c74f20a3+AQ==", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+c74f20a3+AhpjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+fw==", NoteErrorKind.UnknownKeyType)]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWAA==", NoteErrorKind.MalformedKey)]
    public void TryParse_BadKey_RejectedWithReason(string text, NoteErrorKind expected)
    {
        Assert.False(VerifierKey.TryParse(text, out _, out var error));
        Assert.Equal(expected, error.Kind);
    }

    [Fact]
    public void TryParse_WrongAlgorithmByteWithMatchingId_RejectedAsUnknownType()
    {
        // Type 0x02 (ECDSA) is assigned by the spec but not implemented here; even a self-consistent key is refused.
        var material = new byte[33];
        material[0] = 0x02;
        var id = NoteKeyId.Compute("x", (NoteKeyType)0x02, material.AsSpan(1));
        var text = $"x+{id:x8}+{Convert.ToBase64String(material)}";

        Assert.False(VerifierKey.TryParse(text, out _, out var error));
        Assert.Equal(NoteErrorKind.UnknownKeyType, error.Kind);
    }

    [Fact]
    public void NoteKeyId_C2spExample_MatchesPublishedId()
    {
        Assert.True(VerifierKey.TryParse(NoteVectors.SignedNote(0).String("vkey"), out var key, out _));
        Assert.Equal(0x530d903au, NoteKeyId.Compute("example.com/foo", NoteKeyType.Ed25519, key.PublicKey));
    }

    [Theory]
    [InlineData("example.com/log", true)]
    [InlineData("PeterNeumann", true)]
    [InlineData("naïve/ключ", true)]
    [InlineData("", false)]
    [InlineData("a+b", false)]
    [InlineData("a b", false)]
    [InlineData("a\u3000b", false)]
    [InlineData("a\u2028b", false)]
    [InlineData("a\u0085b", false)]
    [InlineData("a\u0001b", false)]
    [InlineData("a\u007fb", true)]
    public void NoteKeyName_IsValid_FollowsSpec(string name, bool valid) => Assert.Equal(valid, NoteKeyName.IsValid(name));

    [Fact]
    public void NoteVerifierSetTryParse_KeysFromConfiguration_BuildsVerifiersByNameAndId()
    {
        string[] keys = [GoKey, NoteVectors.SkylightVerifierKey("witness.v0.json")];

        Assert.True(NoteVerifierSet.TryParse(keys, out var set, out var error), error?.Message);
        Assert.Equal(2, set.Count);
        Assert.True(set.TryGet("PeterNeumann", 0xc74f20a3, out var verifier));
        Assert.IsType<Ed25519NoteVerifier>(verifier);
        Assert.True(set.TryGet("witness.example.org", 0xb8a2cf20, out verifier));
        Assert.IsType<CosignatureV1Verifier>(verifier);
        Assert.False(set.TryGet("PeterNeumann", 0xb8a2cf20, out _));
    }

    [Fact]
    public void NoteVerifierSetTryParse_RepeatedOrBadKey_Rejected()
    {
        Assert.False(NoteVerifierSet.TryParse([GoKey, GoKey], out _, out var error));
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
        Assert.False(NoteVerifierSet.TryParse([GoKey, "bad"], out _, out error));
        Assert.Equal(NoteErrorKind.MalformedKey, error.Kind);
    }

    [Fact]
    public void NoteVerifierSet_AmbiguousVerifiers_Throws()
    {
        Assert.True(VerifierKey.TryParse(GoKey, out var key, out _));
        Assert.Throws<ArgumentException>(() => new NoteVerifierSet([key.CreateVerifier(), key.CreateVerifier()]));
    }
}
