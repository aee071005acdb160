using System.Text;
using Microsoft.Extensions.Time.Testing;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Tests.Transparency.Notes;

public class CosignatureV1Tests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void TryOpen_SunlightCosignatureVector_VerifiesWithItsTimestamp(int index)
    {
        var vector = NoteVectors.Cosignature(index);
        Assert.True(VerifierKey.TryParse(vector.String("vkey"), out var key, out var error), error?.Message);
        var message = Encoding.UTF8.GetBytes(vector.String("checkpoint_body") + "\n" + vector.String("sigline"));

        Assert.True(SignedNote.TryOpen(message, new NoteVerifierSet([key.CreateVerifier()]), out var note, out error), error?.Message);
        Assert.True(CosignatureV1.TryReadTimestamp(Assert.Single(note.Verified).Signature, out var timestamp));
        Assert.Equal(vector.GetProperty("timestamp").GetUInt64(), timestamp);
    }

    [Theory]
    [InlineData("witness-cosigned-checkpoint.txt", "witness.v0.json", 1)]
    [InlineData("mirror-cosigned-checkpoint.txt", "mirror.v0.json", 0)]
    public void TryOpen_SkylightCosignedCheckpoint_CosignatureVerifiesAndLogSignatureIsIgnored(string file, string keyFile, int unknown)
    {
        Assert.True(VerifierKey.TryParse(NoteVectors.SkylightVerifierKey(keyFile), out var key, out var error), error?.Message);
        var verifier = key.CreateVerifier();

        Assert.True(SignedNote.TryOpen(NoteVectors.Skylight(file), new NoteVerifierSet([verifier]), out var note, out error), error?.Message);
        Assert.True(note.IsSignedBy(verifier));
        Assert.Equal(unknown, note.Unverified.Count);
        Assert.True(Checkpoint.TryParse(note.Text, out var checkpoint, out error), error?.Message);
        Assert.Equal("rome2026h1.example.org", checkpoint.Origin);
        Assert.Equal(300ul, checkpoint.TreeSize);
        Assert.True(CosignatureV1.TryReadTimestamp(note.Verified[0].Signature, out var timestamp));
        Assert.Equal(1_767_139_200ul, timestamp);
    }

    [Fact]
    public void TryOpen_WitnessKeyOnMirrorCheckpoint_IsUnknownNotInvalid()
    {
        Assert.True(VerifierKey.TryParse(NoteVectors.SkylightVerifierKey("witness.v0.json"), out var key, out _));

        Assert.False(SignedNote.TryOpen(NoteVectors.Skylight("mirror-cosigned-checkpoint.txt"), new NoteVerifierSet([key.CreateVerifier()]), out _, out var error));
        Assert.Equal(NoteErrorKind.NoVerifiedSignature, error.Kind);
    }

    [Fact]
    public void TryReadTimestamp_TransparencyDevVector_ReadsTimestamp()
    {
        var vector = NoteVectors.Cosignature(2);
        var raw = Convert.FromBase64String(vector.String("sig_base64"));

        Assert.Equal(76, raw.Length);
        Assert.True(CosignatureV1.TryReadTimestamp(raw.AsSpan(4), out var timestamp));
        Assert.Equal(vector.GetProperty("timestamp").GetUInt64(), timestamp);
        Assert.False(CosignatureV1.TryReadTimestamp(raw, out _));
    }

    [Fact]
    public void SignedMessage_MatchesSpecLayout()
    {
        const string body = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

        var message = CosignatureV1.SignedMessage(Encoding.UTF8.GetBytes(body), 1679315147);

        Assert.Equal("cosignature/v1\ntime 1679315147\n" + body, Encoding.UTF8.GetString(message));
        Assert.Equal("cosignature/v1\ntime 0\n" + body, Encoding.UTF8.GetString(CosignatureV1.SignedMessage(Encoding.UTF8.GetBytes(body), 0)));
    }

    [Fact]
    public void Signer_UsesClockAndProducesSeventyTwoByteSignature()
    {
        using var key = Ed25519PrivateKey.FromSeed(new byte[32]);
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddMilliseconds(999));
        var signer = new CosignatureV1Signer("witness.example", key, time);
        var body = "o\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"u8;

        var signature = signer.Sign(body);

        Assert.Equal(CosignatureV1.SignatureSize, signature.Length);
        Assert.True(CosignatureV1.TryReadTimestamp(signature, out var timestamp));
        Assert.Equal(1_700_000_000ul, timestamp);
        Assert.True(signer.Verifier.Verify(body, signature));
        Assert.Equal(NoteKeyId.Compute("witness.example", NoteKeyType.CosignatureV1, key.PublicKey), signer.KeyId);
    }

    [Fact]
    public void Verify_TamperedTimestampOrBody_Fails()
    {
        using var key = Ed25519PrivateKey.FromSeed(new byte[32]);
        var verifier = new CosignatureV1Verifier("witness.example", key.PublicKey);
        var body = "o\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"u8.ToArray();
        var signature = CosignatureV1.Sign(key, body, 1_700_000_000);

        Assert.True(verifier.Verify(body, signature));
        var laterTime = (byte[])signature.Clone();
        laterTime[7] ^= 1;
        Assert.False(verifier.Verify(body, laterTime));
        var otherBody = (byte[])body.Clone();
        otherBody[0] = (byte)'p';
        Assert.False(verifier.Verify(otherBody, signature));
        Assert.False(verifier.Verify(body, signature.AsSpan(0, 71)));
        Assert.False(verifier.Verify("o\n"u8, CosignatureV1.Sign(key, body, 1)));
    }

    [Fact]
    public void Verify_LargeBody_UsesPooledBufferAndStillVerifies()
    {
        using var key = Ed25519PrivateKey.FromSeed(new byte[32]);
        var body = Encoding.UTF8.GetBytes("o\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n" + string.Concat(Enumerable.Repeat("extension line\n", 200)));
        var signature = CosignatureV1.Sign(key, body, ulong.MaxValue);

        Assert.True(new CosignatureV1Verifier("w", key.PublicKey).Verify(body, signature));
    }

    [Fact]
    public void Sign_BodyWithFewerThanThreeLines_Throws()
    {
        using var key = Ed25519PrivateKey.FromSeed(new byte[32]);
        Assert.Throws<ArgumentException>(() => CosignatureV1.Sign(key, "o\n1\n"u8, 1));
    }

    [Fact]
    public void Verify_ValidSignatures_AllocateNothing()
    {
        using var key = Ed25519PrivateKey.FromSeed(new byte[32]);
        var cosigner = new CosignatureV1Verifier("w", key.PublicKey);
        var logVerifier = new Ed25519NoteVerifier("l", key.PublicKey);
        var body = "o\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"u8.ToArray();
        var cosignature = CosignatureV1.Sign(key, body, 1_700_000_000);
        var signature = key.Sign(body);
        Assert.True(cosigner.Verify(body, cosignature) && logVerifier.Verify(body, signature));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ok = cosigner.Verify(body, cosignature) & logVerifier.Verify(body, signature);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(ok);
        Assert.Equal(0, allocated);
    }
}
