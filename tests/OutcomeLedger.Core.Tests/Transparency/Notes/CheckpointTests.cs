using System.Text;
using Microsoft.Extensions.Time.Testing;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Tests.Transparency.Notes;

public class CheckpointTests
{
    const string Body = "rome2026h1.example.org\n300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n";

    [Fact]
    public void TryParse_SkylightBody_ReadsFieldsAndFormatsBack()
    {
        Assert.True(Checkpoint.TryParse(Body, out var checkpoint, out var error), error?.Message);

        Assert.Equal("rome2026h1.example.org", checkpoint.Origin);
        Assert.Equal(300ul, checkpoint.TreeSize);
        Assert.Equal("lCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=", checkpoint.RootHash.ToBase64());
        Assert.Empty(checkpoint.Extensions);
        Assert.Equal(Body, checkpoint.Format());
    }

    [Fact]
    public void TryParse_ExtensionLines_KeptInOrder()
    {
        const string text = "example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\nfirst ext\n— second\n";

        Assert.True(Checkpoint.TryParse(text, out var checkpoint, out var error), error?.Message);
        Assert.Equal(0ul, checkpoint.TreeSize);
        Assert.Equal(Rfc6962.EmptyRoot, checkpoint.RootHash);
        Assert.Equal(["first ext", "— second"], checkpoint.Extensions);
        Assert.Equal(text, checkpoint.Format());
    }

    [Fact]
    public void TryParse_MaxTreeSize_Accepted()
    {
        Assert.True(Checkpoint.TryParse($"o\n{ulong.MaxValue}\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", out var checkpoint, out _));
        Assert.Equal(ulong.MaxValue, checkpoint.TreeSize);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("o\n300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=", "no final newline")]
    [InlineData("o\n300\n", "two lines")]
    [InlineData("\n300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "empty origin")]
    [InlineData("o\n0300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "leading zero")]
    [InlineData("o\n00\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "zero with leading zero")]
    [InlineData("o\n+300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "plus sign")]
    [InlineData("o\n-1\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "negative")]
    [InlineData("o\n 300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "leading space")]
    [InlineData("o\n300 \nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "trailing space")]
    [InlineData("o\n3e2\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "exponent")]
    [InlineData("o\n٣٠٠\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "non-ASCII digits")]
    [InlineData("o\n18446744073709551616\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "size overflows 64 bits")]
    [InlineData("o\n\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "empty size")]
    [InlineData("o\n300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0\n", "unpadded root")]
    [InlineData("o\n300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v1=\n", "non-canonical root base64")]
    [InlineData("o\n300\nlCkHUpkmVBEms2r2T1K6Og69-wUuuN3MIEW1_ezu2v0=\n", "url-safe root base64")]
    [InlineData("o\n300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2g==\n", "31-byte root")]
    [InlineData("o\n300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0A\n", "33-byte root")]
    [InlineData("o\n300\nlCkHUpkm VBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "space in root")]
    [InlineData("o\n300\n\n", "empty root")]
    [InlineData("o\n300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n\n", "empty extension line")]
    [InlineData("o\r\n300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "carriage return")]
    [InlineData("o\u0000\n300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n", "NUL in origin")]
    public void TryParse_BadBody_RejectedWithReason(string text, string what)
    {
        Assert.False(Checkpoint.TryParse(text, out _, out var error), what);
        Assert.Equal(NoteErrorKind.MalformedCheckpoint, error.Kind);
    }

    [Fact]
    public void Constructor_InvalidOrigin_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Checkpoint("", 1, Rfc6962.EmptyRoot));
        Assert.Throws<ArgumentException>(() => new Checkpoint("a\nb", 1, Rfc6962.EmptyRoot));
        Assert.Throws<ArgumentException>(() => new Checkpoint("a", 1, Rfc6962.EmptyRoot, [""]));
    }

    [Fact]
    public void SignAndOpen_WithLogKeyAndWitness_VerifiesBoth()
    {
        using var log = SignerKey.FromSeed("example.com/log", NoteKeyType.Ed25519, Seed(1));
        using var witness = SignerKey.FromSeed("witness.example", NoteKeyType.CosignatureV1, Seed(2));
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_767_139_200));
        var checkpoint = new Checkpoint("example.com/log", 42, Rfc6962.HashLeaf("x"u8));
        var message = checkpoint.Sign(log.CreateSigner()).AddSignatures(witness.CreateSigner(time)).ToBytes();
        var logVerifier = log.VerifierKey.CreateVerifier();
        var witnessVerifier = witness.VerifierKey.CreateVerifier();

        Assert.True(Checkpoint.TryOpen(message, logVerifier, [witnessVerifier], out var signed, out var error), error?.Message);
        Assert.Equal(checkpoint, signed.Checkpoint);
        Assert.True(signed.Note.IsSignedBy(logVerifier));
        Assert.True(signed.Note.IsSignedBy(witnessVerifier));
        Assert.True(CosignatureV1.TryReadTimestamp(signed.Note.Verified[1].Signature, out var timestamp));
        Assert.Equal(1_767_139_200ul, timestamp);
        Assert.Equal(message, signed.Note.Note.ToBytes());
    }

    [Fact]
    public void TryOpen_OnlyWitnessSigned_RejectsForMissingLogSignature()
    {
        using var log = SignerKey.FromSeed("example.com/log", NoteKeyType.Ed25519, Seed(1));
        using var witness = SignerKey.FromSeed("witness.example", NoteKeyType.CosignatureV1, Seed(2));
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_767_139_200));
        var message = new Checkpoint("example.com/log", 42, Rfc6962.EmptyRoot).Sign(witness.CreateSigner(time)).ToBytes();

        Assert.False(Checkpoint.TryOpen(message, log.VerifierKey.CreateVerifier(), [witness.VerifierKey.CreateVerifier()], out _, out var error));
        Assert.Equal(NoteErrorKind.NoVerifiedSignature, error.Kind);
        Assert.Contains("example.com/log", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_SignedNonCheckpointText_RejectsAsMalformedCheckpoint()
    {
        using var log = SignerKey.FromSeed("example.com/log", NoteKeyType.Ed25519, Seed(1));
        var message = SignedNote.Sign("example.com/log\n042\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", log.CreateSigner()).ToBytes();

        Assert.False(Checkpoint.TryOpen(message, log.VerifierKey.CreateVerifier(), null, out _, out var error));
        Assert.Equal(NoteErrorKind.MalformedCheckpoint, error.Kind);
    }

    [Fact]
    public void TryOpen_TamperedSize_RejectsSignature()
    {
        using var log = SignerKey.FromSeed("example.com/log", NoteKeyType.Ed25519, Seed(1));
        var message = Encoding.UTF8.GetString(new Checkpoint("example.com/log", 42, Rfc6962.EmptyRoot).Sign(log.CreateSigner()).ToBytes());
        var tampered = Encoding.UTF8.GetBytes(message.Replace("\n42\n", "\n43\n", StringComparison.Ordinal));

        Assert.False(Checkpoint.TryOpen(tampered, log.VerifierKey.CreateVerifier(), null, out _, out var error));
        Assert.Equal(NoteErrorKind.InvalidSignature, error.Kind);
    }

    // tlog-witness flow: the log signs, a witness returns a signature line, the client attaches it and verifies.
    [Fact]
    public void WitnessSignatureLine_AttachedToLogNote_VerifiesAsCosignature()
    {
        using var log = SignerKey.FromSeed("example.com/log", NoteKeyType.Ed25519, Seed(1));
        using var witness = SignerKey.FromSeed("witness.example", NoteKeyType.CosignatureV1, Seed(2));
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_767_139_200));
        var logNote = new Checkpoint("example.com/log", 7, Rfc6962.EmptyRoot).Sign(log.CreateSigner());
        var cosigner = witness.CreateSigner(time);
        var response = Encoding.UTF8.GetBytes(new NoteSignature(cosigner.Name, cosigner.KeyId, cosigner.Sign(Encoding.UTF8.GetBytes(logNote.Text))).ToLine());

        Assert.True(SignedNote.TryParseSignatures(response, out var lines, out var error), error?.Message);
        var cosigned = logNote.WithSignatures(lines).ToBytes();
        var witnessVerifier = witness.VerifierKey.CreateVerifier();

        Assert.True(Checkpoint.TryOpen(cosigned, log.VerifierKey.CreateVerifier(), [witnessVerifier], out var signed, out error), error?.Message);
        Assert.True(signed.Note.IsSignedBy(witnessVerifier));
        Assert.Equal(2, signed.Note.Verified.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u2014 w AAAAAAA=")]
    [InlineData("\u2014 w AAAAAAA=\n\n")]
    [InlineData("- w AAAAAAA=\n")]
    public void TryParseSignatures_Malformed_Rejected(string lines)
    {
        Assert.False(SignedNote.TryParseSignatures(Encoding.UTF8.GetBytes(lines), out _, out var error));
        Assert.Equal(NoteErrorKind.MalformedNote, error.Kind);
    }

    static byte[] Seed(byte value) => Enumerable.Repeat(value, 32).ToArray();
}
