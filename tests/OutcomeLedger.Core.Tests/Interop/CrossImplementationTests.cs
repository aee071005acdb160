using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OutcomeLedger.Core.Tests.Transparency.Tiles;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Tests.Interop;

/// <summary>
/// Our log, receipts, consistency proofs, notes and cosignatures against Go's golang.org/x/mod (through tlogcheck),
/// both ways: what we make must be byte-identical to Go's or pass Go's checks, and what Go makes must pass ours.
/// Tests that need Go skip when it is missing; the ones over committed Go output always run.
/// </summary>
public class CrossImplementationTests(GoToolchain go)
{
    const string WitnessSeed = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";
    const ulong WitnessTime = 1767225600;
    static readonly string ExtraDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog-extra");

    string GoLog(int count, string seed)
    {
        var dir = go.CreateScratchDirectory();
        var made = go.Run("mklog", dir, count.ToString(CultureInfo.InvariantCulture), seed, TestLog.SignerKeyText);
        Assert.True(made.Succeeded, made.ToString());
        return dir;
    }

    string WriteOurs(TestLog log)
    {
        var dir = go.CreateScratchDirectory();
        log.WriteTo(dir);
        return dir;
    }

    string Scratch(string name, byte[] bytes)
    {
        var path = Path.Combine(go.CreateScratchDirectory(), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static SignerKey WitnessKey() =>
        SignerKey.FromSeed("witness.example.com/w1", NoteKeyType.CosignatureV1, Convert.FromHexString(WitnessSeed));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1000)]
    [InlineData(70_000)]
    public void OurLog_FromGoSeededEntriesAndKey_IsByteIdenticalToGoMklog(int count)
    {
        var goFiles = TestLog.ReadDirectory(GoLog(count, "identical"));

        var ours = TestLog.FromGoSeed(count, "identical").Files;

        Assert.Equal(goFiles.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in goFiles)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(ours[path]), $"{path} differs from Go's");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    [InlineData(65_536)]
    [InlineData(70_000)]
    public void OurLogInAFolder_PassesGoVerifyTiles(int count)
    {
        var dir = WriteOurs(TestLog.FromGoSeed(count, "ours"));

        var result = go.Run("verify-tiles", dir, TestLog.VerifierKeyText);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(65_536)]
    [InlineData(70_000)]
    public void GoLog_PassesOurVerifier(int count)
    {
        var files = TestLog.ReadDirectory(GoLog(count, "go"));

        var check = new TiledLogVerifier(TestLog.GoVerifier(), "example.com/go-tlog").Verify(files.GetValueOrDefault);

        Assert.True(check.IsValid, check.ToString());
        Assert.Equal((ulong)count, check.EntryCount);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(255, false)]
    [InlineData(256, false)]
    [InlineData(700, true)]
    [InlineData(999, false)]
    public void OurReceipt_PassesGoVerifyReceipt_AndOnlyForItsEntry(int index, bool extra)
    {
        var log = TestLog.FromGoSeed(1000, "receipts");
        var receipt = TlogProof.Create(log.Tree, (ulong)index, log.Checkpoint, extra ? Encoding.UTF8.GetBytes("context") : null);
        var receiptFile = Scratch("receipt.tlog-proof", receipt.ToBytes());
        var entry = Scratch("entry", log.Entries[index]);
        var other = Scratch("other", log.Entries[(index + 1) % 1000]);

        var accepted = go.Run("verify-receipt", receiptFile, TestLog.VerifierKeyText, entry);
        var rejected = go.Run("verify-receipt", receiptFile, TestLog.VerifierKeyText, other);

        Assert.True(accepted.Succeeded, accepted.ToString());
        Assert.Equal(1, rejected.ExitCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(511)]
    [InlineData(999)]
    public void GoReceipt_VerifiesInOurs(int index)
    {
        var dir = GoLog(1000, "receipts");
        var proved = go.Run("prove", dir, index.ToString(CultureInfo.InvariantCulture));
        Assert.True(proved.Succeeded, proved.ToString());

        var check = TlogProof.Verify(Encoding.UTF8.GetBytes(proved.StandardOutput), TestLog.GoVerifier(), Rfc6962.HashLeaf(GoSeededEntries.Entry("receipts", index)));

        Assert.True(check.IsValid, check.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(999)]
    [InlineData(1000)]
    public void OurConsistencyProof_PassesGoVerifyConsistency(int oldSize)
    {
        var log = TestLog.FromGoSeed(1000, "history");
        var old = TestLog.FromGoSeed(oldSize, "history");
        var proof = log.Tree.ConsistencyProof((ulong)oldSize, 1000);
        var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"old {oldSize}\n");
        foreach (var hash in proof)
        {
            body.Append(hash.ToBase64()).Append('\n');
        }

        body.Append('\n').Append(log.Checkpoint);
        var bodyFile = Scratch("add-checkpoint", Encoding.UTF8.GetBytes(body.ToString()));
        var oldFile = Scratch("old-checkpoint", old.Checkpoint.ToBytes());

        var result = go.Run("verify-consistency", bodyFile, TestLog.VerifierKeyText, oldFile);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void OurConsistencyProof_OfAnotherHistory_FailsInGo()
    {
        var log = TestLog.FromGoSeed(1000, "history");
        var old = TestLog.FromGoSeed(300, "another history");
        var body = $"old 300\n{string.Concat(log.Tree.ConsistencyProof(300, 1000).Select(h => h.ToBase64() + "\n"))}\n{log.Checkpoint}";

        var result = go.Run("verify-consistency", Scratch("add-checkpoint", Encoding.UTF8.GetBytes(body)), TestLog.VerifierKeyText, Scratch("old", old.Checkpoint.ToBytes()));

        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(700)]
    public void GoConsistencyProof_VerifiesInOurs(int oldSize)
    {
        var dir = GoLog(1000, "history");
        var proved = go.Run("prove-consistency", dir, oldSize.ToString(CultureInfo.InvariantCulture));
        Assert.True(proved.Succeeded, proved.ToString());
        var (size, proof, checkpoint) = ParseAddCheckpoint(proved.StandardOutput);
        var oldRoot = TestLog.FromGoSeed(oldSize, "history").Tree.Root();

        var check = ConsistencyProof.Verify(size, checkpoint.TreeSize, proof, oldRoot, checkpoint.RootHash);

        Assert.True(check.IsValid, check.Message);
    }

    [Fact]
    public void GoConsistencyVector_VerifiesInOurs()
    {
        var (size, proof, checkpoint) = ParseAddCheckpoint(File.ReadAllText(Path.Combine(ExtraDirectory, "add-checkpoint-100-to-300")));
        Assert.True(Checkpoint.TryOpen(File.ReadAllBytes(Path.Combine(ExtraDirectory, "checkpoint-100")), TestLog.GoVerifier(), null, out var old, out var error), error?.Message);

        var check = ConsistencyProof.Verify(size, checkpoint.TreeSize, proof, old.Checkpoint.RootHash, checkpoint.RootHash);

        Assert.Equal(100ul, size);
        Assert.True(check.IsValid, check.Message);
    }

    [Fact]
    public void GoSignedNote_VerifiesInOurs()
    {
        var bytes = File.ReadAllBytes(Path.Combine(ExtraDirectory, "note.signed"));

        Assert.True(SignedNote.TryOpen(bytes, new NoteVerifierSet([TestLog.GoVerifier()]), out var note, out var error), error?.Message);
        Assert.Equal("OutcomeLedger interop note\nsigned by Go golang.org/x/mod/sumdb/note\n", note.Text);
    }

    [Fact]
    public void GoSignedNote_FreshText_VerifiesInOurs()
    {
        var text = Scratch("text", Encoding.UTF8.GetBytes("Compromiso 7: decomisos — mensual\nÜber alles ✓\n"));
        var signed = go.Run("sign-note", TestLog.SignerKeyText, text);
        Assert.True(signed.Succeeded, signed.ToString());

        Assert.True(SignedNote.TryOpen(Encoding.UTF8.GetBytes(signed.StandardOutput), new NoteVerifierSet([TestLog.GoVerifier()]), out var note, out var error), error?.Message);
        Assert.Equal("Compromiso 7: decomisos — mensual\nÜber alles ✓\n", note.Text);
    }

    [Fact]
    public void OurSignedNote_PassesGoVerifyNote_AndIsByteIdenticalToGos()
    {
        const string Text = "Compromiso 7: decomisos — mensual\nÜber alles ✓\n";
        Assert.True(SignerKey.TryParse(TestLog.SignerKeyText, out var key, out _));
        using (key)
        {
            var ours = SignedNote.Sign(Text, key.CreateSigner()).ToBytes();
            var goSigned = go.Run("sign-note", TestLog.SignerKeyText, Scratch("text", Encoding.UTF8.GetBytes(Text)));

            var verified = go.Run("verify-note", TestLog.VerifierKeyText, Scratch("note", ours));

            Assert.True(verified.Succeeded, verified.ToString());
            Assert.Equal(goSigned.StandardOutput, Encoding.UTF8.GetString(ours));
        }
    }

    [Fact]
    public void GoCosignature_VerifiesInOurs()
    {
        using var witness = WitnessKey();
        var verifier = witness.VerifierKey.CreateVerifier();
        Assert.Equal(File.ReadAllText(Path.Combine(ExtraDirectory, "witness.vkey")).Trim(), witness.VerifierKey.ToString());

        Assert.True(
            Checkpoint.TryOpen(File.ReadAllBytes(Path.Combine(ExtraDirectory, "checkpoint-cosigned")), TestLog.GoVerifier(), [verifier], out var checkpoint, out var error),
            error?.Message);
        Assert.True(checkpoint.Note.IsSignedBy(verifier));
    }

    [Fact]
    public void OurCosignature_IsByteIdenticalToGos_AndPassesGoVerifyCosignature()
    {
        using var witness = WitnessKey();
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds((long)WitnessTime));
        Assert.True(SignedNote.TryParse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog", "checkpoint")), out var note, out _));

        var cosigned = note.AddSignatures(witness.CreateSigner(time)).ToBytes();
        var result = go.Run("verify-cosignature", Scratch("cosigned", cosigned), witness.VerifierKey.ToString());

        Assert.Equal(File.ReadAllBytes(Path.Combine(ExtraDirectory, "checkpoint-cosigned")), cosigned);
        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void GoFreshCosignature_VerifiesInOurs_AndATamperedOneDoesNot()
    {
        var log = TestLog.FromGoSeed(5, "cosigned");
        var checkpointFile = Scratch("checkpoint", log.Checkpoint.ToBytes());
        var cosign = go.Run("cosign", checkpointFile, WitnessSeed, "witness.example.com/w1", "1800000000");
        Assert.True(cosign.Succeeded, cosign.ToString());
        var line = cosign.StandardOutput.Split('\n')[0];
        using var witness = WitnessKey();
        var verifier = witness.VerifierKey.CreateVerifier();
        var cosigned = Encoding.UTF8.GetBytes(log.Checkpoint + line + "\n");
        var tampered = Encoding.UTF8.GetBytes(log.Checkpoint.ToString().Replace("\n5\n", "\n6\n", StringComparison.Ordinal) + line + "\n");

        Assert.True(Checkpoint.TryOpen(cosigned, log.Verifier, [verifier], out var checkpoint, out var error), error?.Message);
        Assert.True(checkpoint.Note.IsSignedBy(verifier));
        Assert.True(CosignatureV1.TryReadTimestamp(checkpoint.Note.Verified[1].Signature, out var timestamp));
        Assert.Equal(1800000000ul, timestamp);
        Assert.False(Checkpoint.TryOpen(tampered, log.Verifier, [verifier], out _, out _));
    }

    // c2sp.org/tlog-witness add-checkpoint body: "old <size>", proof lines, an empty line, the signed checkpoint.
    static (ulong OldSize, Hash[] Proof, Checkpoint Checkpoint) ParseAddCheckpoint(string body)
    {
        var split = body.IndexOf("\n\n", StringComparison.Ordinal);
        var lines = body[..split].Split('\n');
        Assert.StartsWith("old ", lines[0], StringComparison.Ordinal);
        var proof = lines[1..].Select(line => Hash.FromBytes(Convert.FromBase64String(line))).ToArray();
        Assert.True(Checkpoint.TryOpen(Encoding.UTF8.GetBytes(body[(split + 2)..]), TestLog.GoVerifier(), null, out var checkpoint, out var error), error?.Message);
        return (ulong.Parse(lines[0][4..], CultureInfo.InvariantCulture), proof, checkpoint.Checkpoint);
    }
}
