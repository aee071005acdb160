using System.Text;
using Microsoft.Extensions.Time.Testing;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Core.Tests.Transparency.Witnessing;

/// <summary>What a log accepts from a witness: the spec's answer formats, and nothing unverified.</summary>
public sealed class WitnessAnswerTests
{
    // c2sp.org/tlog-witness, "add-checkpoint", "Example response body".
    const string SpecResponse =
        "— witness.example/w1 CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39QsZTSvVjyQLrdk3DXDqI5G2HgLatVs0pWh6Up69HVOw==\n" +
        "— witness.example/w1 I7rEps0pvK2UqkS2gSpVUDhrhVtQV9lgF6pRrWAvjJHjyWpW7VcE3SiOlVlbQNt64vWhO+DlkL0+UfzuOBMh9ChdMkP1vi/lCAsmlw==\n" +
        "— witness.example/w2 AWui8Sk55XjYLOijihBjhqEH6nS1ndDymE0a+6idX7pLcnoB+dhnz0854aLZgrrKbYKA7nC3HNJhm/kWl7oJlqU3rXXvpysAdyP3wQ==\n";

    static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    static SignerKey Witness(string name, byte seed) => SignerKey.FromSeed(name, NoteKeyType.CosignatureV1, Enumerable.Repeat(seed, 32).ToArray());

    static SignedNote LogNote(ulong size = 5)
    {
        using var log = SignerKey.FromSeed("example.com/log", NoteKeyType.Ed25519, new byte[32]);
        return new Checkpoint("example.com/log", size, Rfc6962.HashLeaf("root"u8)).Sign(log.CreateSigner());
    }

    [Fact]
    public void TryParseSignatures_SpecResponse_ThreeLinesByTwoWitnesses()
    {
        Assert.True(SignedNote.TryParseSignatures(Encoding.UTF8.GetBytes(SpecResponse), out var lines, out var error), error?.Message);
        Assert.Equal(["witness.example/w1", "witness.example/w1", "witness.example/w2"], lines.Select(l => l.KeyName));
        Assert.Equal(SpecResponse, string.Concat(lines.Select(l => l.ToLine())));
    }

    [Fact]
    public void TryReadCosignature_ByTheConfiguredKey_VerifiedAndOthersIgnored()
    {
        using var mine = Witness("witness.example/w1", 7);
        using var other = Witness("witness.example/w2", 8);
        var note = LogNote();
        var body = note.AddSignatures(other.CreateSigner(Clock), mine.CreateSigner(Clock)).Signatures.Skip(1).Select(s => s.ToLine());
        Assert.True(WitnessAnswer.TryReadCosignature(note, Encoding.UTF8.GetBytes(string.Concat(body)), mine.VerifierKey, out var cosignature, out var error), error);
        Assert.Equal("witness.example/w1", cosignature.KeyName);
        Assert.True(note.WithSignatures([cosignature]).TryVerify(new NoteVerifierSet([mine.VerifierKey.CreateVerifier()]), out _, out _));
    }

    [Fact]
    public void TryReadCosignature_SpecResponseForAnotherCheckpoint_DoesNotVerify()
    {
        using var w1 = Witness("witness.example/w1", 7);
        Assert.False(WitnessAnswer.TryReadCosignature(LogNote(), Encoding.UTF8.GetBytes(SpecResponse), w1.VerifierKey, out _, out var error));
        // The spec's lines are by another key named w1 (another key ID), so none is by the configured key.
        Assert.Contains("no cosignature by witness.example/w1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadCosignature_ByTheWrongKey_Refused()
    {
        using var mine = Witness("witness.example/w1", 7);
        using var impostor = Witness("witness.example/impostor", 9);
        var note = LogNote();
        var line = note.AddSignatures(impostor.CreateSigner(Clock)).Signatures[^1].ToLine();
        Assert.False(WitnessAnswer.TryReadCosignature(note, Encoding.UTF8.GetBytes(line), mine.VerifierKey, out _, out var error));
        Assert.Contains("no cosignature by witness.example/w1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadCosignature_OverAnotherCheckpoint_Refused()
    {
        using var mine = Witness("witness.example/w1", 7);
        var line = LogNote(6).AddSignatures(mine.CreateSigner(Clock)).Signatures[^1].ToLine();
        Assert.False(WitnessAnswer.TryReadCosignature(LogNote(5), Encoding.UTF8.GetBytes(line), mine.VerifierKey, out _, out var error));
        Assert.Contains("does not verify", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("OK\n")]
    [InlineData("<html>cosigned</html>")]
    public void TryReadCosignature_NotSignatureLines_Refused(string body)
    {
        using var mine = Witness("witness.example/w1", 7);
        Assert.False(WitnessAnswer.TryReadCosignature(LogNote(), Encoding.UTF8.GetBytes(body), mine.VerifierKey, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("3\n", true, 3UL)]
    [InlineData("0\n", true, 0UL)]
    [InlineData("3", false, 0UL)]
    [InlineData("03\n", false, 0UL)]
    [InlineData("3\n\n", false, 0UL)]
    [InlineData("-3\n", false, 0UL)]
    [InlineData("", false, 0UL)]
    public void TryParseConflict_SizeAndNewlineOnly(string body, bool valid, ulong expected)
    {
        Assert.Equal(valid, WitnessAnswer.TryParseConflict(Encoding.ASCII.GetBytes(body), out var size, out _));
        Assert.Equal(expected, size);
    }
}
