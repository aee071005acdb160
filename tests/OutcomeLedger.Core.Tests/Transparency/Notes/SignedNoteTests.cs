using System.Text;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Tests.Transparency.Notes;

public class SignedNoteTests
{
    static readonly string s_goText = NoteVectors.SignedNote(1).String("text");
    static readonly string s_goSigned = NoteVectors.SignedNote(1).String("signed");

    static NoteVerifier Verifier(string vkey)
    {
        Assert.True(VerifierKey.TryParse(vkey, out var key, out var error), error?.Message);
        return key.CreateVerifier();
    }

    static NoteVerifier PeterNeumann => Verifier(NoteVectors.SignedNote(1).String("vkey"));

    static NoteVerifier EnochRoot => Verifier(NoteVectors.SignedNote(2).String("vkey"));

    [Fact]
    public void TryOpen_C2spExample_Verifies()
    {
        var vector = NoteVectors.SignedNote(0);
        var known = new NoteVerifierSet([Verifier(vector.String("vkey"))]);

        Assert.True(SignedNote.TryOpen(Encoding.UTF8.GetBytes(vector.String("note")), known, out var note, out var error), error?.Message);
        Assert.Equal("This is an example message.\n", note.Text);
        Assert.Equal("example.com/foo", Assert.Single(note.Verified).KeyName);
    }

    [Fact]
    public void TryOpen_GoNote_VerifiesAndNamesTheKey()
    {
        Assert.True(SignedNote.TryOpen(Encoding.UTF8.GetBytes(s_goSigned), new NoteVerifierSet([PeterNeumann]), out var note, out var error), error?.Message);

        Assert.Equal(s_goText, note.Text);
        var signature = Assert.Single(note.Verified);
        Assert.Equal("PeterNeumann", signature.KeyName);
        Assert.Equal(0xc74f20a3u, signature.KeyId);
        Assert.Empty(note.Unverified);
    }

    [Fact]
    public void Sign_GoVectorWithItsPrivateKey_ReproducesGoNoteByteForByte()
    {
        Assert.True(SignerKey.TryParse(NoteVectors.SignedNote(1).String("skey"), out var key, out var error), error?.Message);
        using (key)
        {
            var note = SignedNote.Sign(s_goText, key.CreateSigner());

            Assert.Equal(Encoding.UTF8.GetBytes(s_goSigned), note.ToBytes());
            Assert.Equal(NoteVectors.SignedNote(1).String("vkey"), key.VerifierKey.ToString());
        }
    }

    [Fact]
    public void TryOpen_DoublySignedGoNote_VerifiesBothAndIgnoresUnknown()
    {
        var message = Encoding.UTF8.GetBytes(s_goSigned + NoteVectors.SignedNote(2).String("sigline"));

        Assert.True(SignedNote.TryOpen(message, new NoteVerifierSet([PeterNeumann, EnochRoot]), out var both, out var error), error?.Message);
        Assert.Equal(["PeterNeumann", "EnochRoot"], both.Verified.Select(s => s.KeyName));

        Assert.True(SignedNote.TryOpen(message, new NoteVerifierSet([EnochRoot]), out var one, out error), error?.Message);
        Assert.Equal("EnochRoot", Assert.Single(one.Verified).KeyName);
        Assert.Equal("PeterNeumann", Assert.Single(one.Unverified).KeyName);
    }

    [Fact]
    public void TryOpen_OnlyUnknownKeys_RejectsWithNoVerifiedSignature()
    {
        Assert.False(SignedNote.TryOpen(Encoding.UTF8.GetBytes(s_goSigned), new NoteVerifierSet([EnochRoot]), out _, out var error));
        Assert.Equal(NoteErrorKind.NoVerifiedSignature, error.Kind);
    }

    [Fact]
    public void TryOpen_SameNameOtherKeyId_IsIgnoredNotFailed()
    {
        // A key with the same name but a different key ID is unknown (c2sp.org/signed-note "Signatures").
        using var other = SignerKey.FromSeed("PeterNeumann", NoteKeyType.Ed25519, new byte[32]);
        var message = Encoding.UTF8.GetBytes(s_goSigned);

        Assert.False(SignedNote.TryOpen(message, new NoteVerifierSet([other.VerifierKey.CreateVerifier()]), out _, out var error));
        Assert.Equal(NoteErrorKind.NoVerifiedSignature, error.Kind);
    }

    [Fact]
    public void TryOpen_KnownKeyBadSignature_RejectsAndNamesTheKey()
    {
        // A valid PeterNeumann signature line moved onto another text: known key, wrong signature.
        var forged = Encoding.UTF8.GetBytes("Another text.\n\n" + s_goSigned[(s_goText.Length + 1)..]);

        Assert.False(SignedNote.TryOpen(forged, new NoteVerifierSet([PeterNeumann, EnochRoot]), out _, out var error));
        Assert.Equal(NoteErrorKind.InvalidSignature, error.Kind);
        Assert.Contains("PeterNeumann+c74f20a3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_RepeatedSignatureByKnownKey_VerifiesFirstOnlyLikeGo()
    {
        var sigLine = s_goSigned[(s_goText.Length + 1)..];
        var message = Encoding.UTF8.GetBytes(s_goSigned + sigLine);

        Assert.True(SignedNote.TryOpen(message, new NoteVerifierSet([PeterNeumann]), out var note, out var error), error?.Message);
        Assert.Single(note.Verified);
        Assert.Equal(2, note.Note.Signatures.Count);
    }

    [Fact]
    public void TryParse_ValidNote_RoundTripsByteForByte()
    {
        var message = Encoding.UTF8.GetBytes(s_goSigned + NoteVectors.SignedNote(2).String("sigline"));

        Assert.True(SignedNote.TryParse(message, out var note, out var error), error?.Message);
        Assert.Equal(message, note.ToBytes());
    }

    [Fact]
    public void TryParse_TextWithEmptyLines_SplitsAtLastBlankLine()
    {
        using var key = SignerKey.FromSeed("example.com/k", NoteKeyType.Ed25519, new byte[32]);
        const string text = "a\n\nb\n\n";
        var message = SignedNote.Sign(text, key.CreateSigner()).ToBytes();

        Assert.True(SignedNote.TryOpen(message, new NoteVerifierSet([key.VerifierKey.CreateVerifier()]), out var note, out var error), error?.Message);
        Assert.Equal(text, note.Text);
    }

    [Fact]
    public void AddSignatures_SameKeyAgain_ReplacesTheOldSignature()
    {
        using var key = SignerKey.FromSeed("example.com/k", NoteKeyType.Ed25519, new byte[32]);
        using var other = SignerKey.FromSeed("example.com/other", NoteKeyType.Ed25519, Enumerable.Repeat((byte)1, 32).ToArray());
        var note = SignedNote.Sign("t\n", key.CreateSigner(), other.CreateSigner()).AddSignatures(key.CreateSigner());

        Assert.Equal(["example.com/other", "example.com/k"], note.Signatures.Select(s => s.KeyName));
    }

    [Theory]
    [InlineData("no final newline")]
    [InlineData("")]
    [InlineData("bad \u0001 control\n")]
    public void Sign_InvalidText_Throws(string text)
    {
        using var key = SignerKey.FromSeed("example.com/k", NoteKeyType.Ed25519, new byte[32]);
        Assert.Throws<ArgumentException>(() => SignedNote.Sign(text, key.CreateSigner()));
    }

    [Fact]
    public void Sign_LoneSurrogate_Throws()
    {
        using var key = SignerKey.FromSeed("example.com/k", NoteKeyType.Ed25519, new byte[32]);
        var text = "lone " + (char)0xD800 + " surrogate\n";
        Assert.Throws<ArgumentException>(() => SignedNote.Sign(text, key.CreateSigner()));
    }

    public static TheoryData<string, Func<byte[], byte[]>, NoteErrorKind> Tampered => new()
    {
        { "text bit flip", m => Flip(m, 3, 0x01), NoteErrorKind.InvalidSignature },
        { "signature bit flip after key id", m => Replace(m, "x08go/ZJ", "x08go/ZK"), NoteErrorKind.InvalidSignature },
        { "key id changed", m => Replace(m, "x08go/", "x08gp/"), NoteErrorKind.NoVerifiedSignature },
        { "missing final newline", m => m[..^1], NoteErrorKind.MalformedNote },
        { "no blank line", m => Replace(m, "is.\n\n\u2014", "is.\n\u2014"), NoteErrorKind.MalformedNote },
        { "extra blank line at end", m => [.. m, (byte)'\n'], NoteErrorKind.MalformedNote },
        { "empty message", _ => [], NoteErrorKind.MalformedNote },
        { "only text", _ => "text\n\n"u8.ToArray(), NoteErrorKind.MalformedNote },
        { "bad base64 character", m => Replace(m, "x08go/", "x08go!"), NoteErrorKind.MalformedNote },
        { "url-safe base64", m => Replace(m, "x08go/", "x08go_"), NoteErrorKind.MalformedNote },
        { "unpadded base64", m => Replace(m, "nAM=\n", "nAM\n"), NoteErrorKind.MalformedNote },
        { "non-canonical base64 trailing bits", m => Replace(m, "nAM=\n", "nAN=\n"), NoteErrorKind.MalformedNote },
        { "space inside base64", m => Replace(m, "x08go/", "x08 go/"), NoteErrorKind.MalformedNote },
        { "missing signature after name", m => Replace(m, "PeterNeumann x08", "PeterNeumannx08"), NoteErrorKind.MalformedNote },
        { "hyphen instead of em dash", m => Replace(m, "\u2014 Peter", "- Peter"), NoteErrorKind.MalformedNote },
        { "no space after em dash", m => Replace(m, "\u2014 Peter", "\u2014Peter"), NoteErrorKind.MalformedNote },
        { "empty key name", m => Replace(m, "\u2014 PeterNeumann ", "\u2014  "), NoteErrorKind.MalformedNote },
        { "plus in key name", m => Replace(m, "PeterNeumann ", "Peter+Neumann "), NoteErrorKind.MalformedNote },
        { "no-break space in key name", m => Replace(m, "PeterNeumann ", "Peter\u00a0Neumann "), NoteErrorKind.MalformedNote },
        { "signature of key id only", m => Replace(m, "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=", "x08gow=="), NoteErrorKind.MalformedNote },
        { "control byte in text", m => Replace(m, "If you", "If\u0001you"), NoteErrorKind.MalformedNote },
        { "tab in text", m => Replace(m, "If you", "If\tyou"), NoteErrorKind.MalformedNote },
        { "carriage return line ends", m => Replace(m, "problem,\n", "problem,\r\n"), NoteErrorKind.MalformedNote },
        { "NUL byte", m => Flip(m, 0, (byte)('I' ^ 0)), NoteErrorKind.MalformedNote },
        { "invalid UTF-8 byte", m => Set(m, 1, 0xFF), NoteErrorKind.MalformedNote },
        { "overlong UTF-8", m => [0xC0, 0xAF, .. m], NoteErrorKind.MalformedNote },
        { "UTF-8 encoded surrogate", m => [0xED, 0xA0, 0x80, .. m], NoteErrorKind.MalformedNote },
        { "truncated UTF-8 em dash", m => Replace(m, "\u2014 Peter", "\u00e2\u0080 Peter", latin1: true), NoteErrorKind.MalformedNote },
        { "too many signature lines", m => [.. m, .. Repeat(SigLine(m), SignedNote.MaxSignatures)], NoteErrorKind.TooManySignatures },
        { "oversized note", m => [.. new byte[SignedNote.MaxSize].Select(_ => (byte)'a'), .. m], NoteErrorKind.TooLarge },
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public void TryOpen_TamperedGoNote_RejectsWithReason(string what, Func<byte[], byte[]> tamper, NoteErrorKind expected)
    {
        var message = tamper(Encoding.UTF8.GetBytes(s_goSigned));

        Assert.False(SignedNote.TryOpen(message, new NoteVerifierSet([PeterNeumann]), out _, out var error), what);
        Assert.Equal(expected, error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void TryParse_ExactlyMaxSignatures_Accepted()
    {
        var message = Encoding.UTF8.GetBytes(s_goSigned);
        message = [.. message, .. Repeat(SigLine(message), SignedNote.MaxSignatures - 1)];

        Assert.True(SignedNote.TryParse(message, out var note, out var error), error?.Message);
        Assert.Equal(SignedNote.MaxSignatures, note.Signatures.Count);
    }

    // Seeded mutations of valid notes: parsing and opening never throw, and nothing but the signed text ever verifies.
    [Fact]
    public void TryOpen_RandomMutations_NeverThrowAndNeverVerifyOtherText()
    {
        var seeds = new[]
        {
            Encoding.UTF8.GetBytes(s_goSigned + NoteVectors.SignedNote(2).String("sigline")),
            NoteVectors.Skylight("witness-cosigned-checkpoint.txt"),
            NoteVectors.Skylight("mirror-cosigned-checkpoint.txt"),
        };
        var witness = Verifier(NoteVectors.SkylightVerifierKey("witness.v0.json"));
        var mirror = Verifier(NoteVectors.SkylightVerifierKey("mirror.v0.json"));
        var known = new NoteVerifierSet([PeterNeumann, EnochRoot, witness, mirror]);
        var originalTexts = seeds.Select(s => { Assert.True(SignedNote.TryParse(s, out var n, out _)); return n.Text; }).ToHashSet();
        var random = new Random(42);
        var opened = 0;

        for (var i = 0; i < 3000; i++)
        {
            var message = Mutate(seeds[random.Next(seeds.Length)], random);
            if (SignedNote.TryParse(message, out var parsed, out _))
            {
                Assert.Equal(message, parsed.ToBytes());
                _ = Checkpoint.TryParse(parsed.Text, out _, out _);
            }

            if (SignedNote.TryOpen(message, known, out var note, out _))
            {
                opened++;
                Assert.Contains(note.Text, originalTexts);
            }
        }

        Assert.InRange(opened, 1, 2999);
    }

    static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        var steps = random.Next(1, 4);
        for (var s = 0; s < steps && bytes.Count > 0; s++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.Insert(at, (byte)random.Next(256)); break;
                case 2: bytes.RemoveAt(at); break;
                case 3: bytes.Insert(at, "\n\n— "u8[random.Next(5)]); break;
                case 4: bytes.RemoveRange(at, bytes.Count - at); break;
                case 5: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(20, bytes.Count - at))); break;
                default: break; // unchanged: the valid note itself
            }
        }

        return [.. bytes];
    }

    static byte[] Flip(byte[] m, int index, byte mask)
    {
        var copy = (byte[])m.Clone();
        copy[index] ^= mask;
        return copy;
    }

    static byte[] Set(byte[] m, int index, byte value)
    {
        var copy = (byte[])m.Clone();
        copy[index] = value;
        return copy;
    }

    static byte[] Replace(byte[] m, string from, string to, bool latin1 = false)
    {
        var text = Encoding.UTF8.GetString(m);
        Assert.Contains(from, text, StringComparison.Ordinal);
        var replaced = text.Replace(from, to, StringComparison.Ordinal);
        if (!latin1)
        {
            return Encoding.UTF8.GetBytes(replaced);
        }

        // Splice raw bytes: "to" is given as Latin-1 code points, one byte each.
        var index = text.IndexOf(from, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(text[..index]), .. Encoding.Latin1.GetBytes(to), .. Encoding.UTF8.GetBytes(text[(index + from.Length)..])];
    }

    static byte[] SigLine(byte[] m)
    {
        var text = Encoding.UTF8.GetString(m);
        return Encoding.UTF8.GetBytes(text[(text.LastIndexOf("\n\n", StringComparison.Ordinal) + 2)..]);
    }

    static byte[] Repeat(byte[] part, int count) => [.. Enumerable.Repeat(part, count).SelectMany(p => p)];
}
