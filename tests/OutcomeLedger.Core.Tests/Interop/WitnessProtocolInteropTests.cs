using System.Text;
using OutcomeLedger.Core.Tests.Transparency.Tiles;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Core.Tests.Interop;

/// <summary>
/// The two messages of the log's tlog-witness client against Go's x/mod (through tlogcheck): the add-checkpoint body it
/// writes passes Go's witness-side checks, and a cosignature Go makes with crypto/ed25519 is the one it keeps, while the
/// same line checked against another witness key, or over another checkpoint, is refused. Skips when Go is missing.
/// </summary>
public sealed class WitnessProtocolInteropTests(GoToolchain go)
{
    const string WitnessSeed = "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f";

    string Scratch(string name, byte[] bytes)
    {
        var path = Path.Combine(go.CreateScratchDirectory(), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static Checkpoint Parse(SignedNote note) => Checkpoint.TryParse(note.Text, out var checkpoint, out var error) ? checkpoint : throw new InvalidDataException(error.Message);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(300)]
    [InlineData(999)]
    [InlineData(1000)]
    public void OurAddCheckpointBody_PassesGoVerifyConsistency(int oldSize)
    {
        var log = TestLog.FromGoSeed(1000, "witnessed");
        var old = TestLog.FromGoSeed(oldSize, "witnessed");
        var proof = oldSize is 0 or 1000 ? [] : log.Tree.ConsistencyProof((ulong)oldSize, 1000);
        var body = new AddCheckpointRequest((ulong)oldSize, proof, log.Checkpoint, Parse(log.Checkpoint)).ToBytes();

        var result = oldSize == 0
            ? go.Run("verify-consistency", Scratch("add-checkpoint", body), TestLog.VerifierKeyText)
            : go.Run("verify-consistency", Scratch("add-checkpoint", body), TestLog.VerifierKeyText, Scratch("old", old.Checkpoint.ToBytes()));

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void GoCosignature_KeptOnlyForItsKeyAndItsCheckpoint()
    {
        var log = TestLog.FromGoSeed(7, "witnessed");
        var cosign = go.Run("cosign", Scratch("checkpoint", log.Checkpoint.ToBytes()), WitnessSeed, "witness.example.net/go", "1800000000");
        Assert.True(cosign.Succeeded, cosign.ToString());
        var lines = cosign.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(VerifierKey.TryParse(lines[1], out var goWitness, out var keyError), keyError?.Message);
        var answer = Encoding.UTF8.GetBytes(lines[0] + "\n");

        Assert.True(WitnessAnswer.TryReadCosignature(log.Checkpoint, answer, goWitness, out var kept, out var error), error);
        Assert.Equal(lines[0] + "\n", kept.ToLine());

        using var other = SignerKey.FromSeed("witness.example.net/go", NoteKeyType.CosignatureV1, new byte[32]);
        Assert.False(WitnessAnswer.TryReadCosignature(log.Checkpoint, answer, other.VerifierKey, out _, out _));
        Assert.False(WitnessAnswer.TryReadCosignature(TestLog.FromGoSeed(8, "witnessed").Checkpoint, answer, goWitness, out _, out var wrongCheckpoint));
        Assert.Contains("does not verify", wrongCheckpoint, StringComparison.Ordinal);
    }
}
