using System.Text;
using OutcomeLedger.Core.Tests.Interop;
using OutcomeLedger.Core.Tests.Transparency.Tiles;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Tests.Transparency.Merkle;

public class TlogProofTests
{
    static readonly string ExtraDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog-extra");
    static readonly string LogDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog");

    static byte[] GoReceipt() => File.ReadAllBytes(Path.Combine(ExtraDirectory, "entry-123.tlog-proof"));

    static NoteVerifier WitnessVerifier()
    {
        Assert.True(VerifierKey.TryParse(File.ReadAllText(Path.Combine(ExtraDirectory, "witness.vkey")).Trim(), out var key, out var error), error?.Message);
        return key.CreateVerifier();
    }

    static SignedNote GoCheckpoint(string path)
    {
        Assert.True(SignedNote.TryParse(File.ReadAllBytes(path), out var note, out var error), error?.Message);
        return note;
    }

    [Fact]
    public void Verify_GoReceiptWithItsEntry_IsValid()
    {
        var check = TlogProof.Verify(GoReceipt(), TestLog.GoVerifier(), Rfc6962.HashLeaf(GoSeededEntries.Entry(TestLog.GoSeed, 123)), origin: "example.com/go-tlog");

        Assert.True(check.IsValid, check.Message);
        Assert.Equal(300ul, check.Checkpoint!.Checkpoint.TreeSize);
    }

    [Fact]
    public void Verify_GoReceiptWithAnotherEntry_FailsWithRootMismatch()
    {
        var check = TlogProof.Verify(GoReceipt(), TestLog.GoVerifier(), Rfc6962.HashLeaf(GoSeededEntries.Entry(TestLog.GoSeed, 124)));

        Assert.Equal(TlogProofFailure.RootMismatch, check.Failure);
        Assert.Contains("entry 123", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Entry123OfGoLog_IsByteIdenticalToGoReceipt()
    {
        var log = TestLog.FromGoSeed(300);

        var receipt = TlogProof.Create(log.Tree, 123, GoCheckpoint(Path.Combine(LogDirectory, "checkpoint")));

        Assert.Equal(GoReceipt(), receipt.ToBytes());
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(300, 0)]
    [InlineData(300, 255)]
    [InlineData(300, 256)]
    [InlineData(300, 299)]
    public void Create_ThenParseAndVerify_RoundTrips(int size, int index)
    {
        var log = TestLog.FromGoSeed(size);

        var bytes = TlogProof.Create(log.Tree, (ulong)index, log.Checkpoint).ToBytes();

        Assert.True(TlogProof.TryParse(bytes, out var parsed, out var error), error);
        Assert.Equal((ulong)index, parsed.Index);
        Assert.False(parsed.HasExtra);
        Assert.Equal(bytes, parsed.ToBytes());
        var check = parsed.VerifyEntry(log.Verifier, log.Entries[index]);
        Assert.True(check.IsValid, check.Message);
    }

    [Fact]
    public void Create_WithExtraData_RoundTripsTheExtraLine()
    {
        var log = TestLog.FromGoSeed(10);
        var extra = Encoding.UTF8.GetBytes("age-v1.2.1-darwin-arm64.tar.gz");

        var bytes = TlogProof.Create(log.Tree, 7, log.Checkpoint, extra).ToBytes();

        Assert.StartsWith($"{TlogProof.Header}\nextra {Convert.ToBase64String(extra)}\nindex 7\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.True(TlogProof.TryParse(bytes, out var parsed, out var error), error);
        Assert.Equal(extra, parsed.Extra.ToArray());
        Assert.True(parsed.VerifyEntry(log.Verifier, log.Entries[7]).IsValid);
    }

    [Fact]
    public void Verify_CosignedCheckpoint_ReportsTheWitness()
    {
        var log = TestLog.FromGoSeed(300);
        var witness = WitnessVerifier();
        var receipt = TlogProof.Create(log.Tree, 5, GoCheckpoint(Path.Combine(ExtraDirectory, "checkpoint-cosigned")));

        var check = receipt.VerifyEntry(TestLog.GoVerifier(), log.Entries[5], witnesses: [witness]);

        Assert.True(check.IsValid, check.Message);
        Assert.True(check.Checkpoint!.Note.IsSignedBy(witness));
    }

    [Fact]
    public void Verify_GoReceipt_EverySingleByteChange_IsRejected()
    {
        var original = GoReceipt();
        var verifier = TestLog.GoVerifier();
        var leaf = Rfc6962.HashLeaf(GoSeededEntries.Entry(TestLog.GoSeed, 123));
        byte[] masks = [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xff];

        for (var position = 0; position < original.Length; position++)
        {
            foreach (var mask in masks)
            {
                var tampered = (byte[])original.Clone();
                tampered[position] ^= mask;

                var check = TlogProof.Verify(tampered, verifier, leaf);

                Assert.False(check.IsValid, $"byte {position} ^ 0x{mask:x2} still verifies");
            }
        }
    }

    [Fact]
    public void Verify_SignatureBase64WithUnusedLowBitSet_IsRejected()
    {
        // The last base64 symbol before '=' carries two unused bits; a lenient decoder reads the same signature.
        var text = Encoding.UTF8.GetString(GoReceipt());
        Assert.EndsWith("vgo=\n", text, StringComparison.Ordinal);
        var tampered = Encoding.UTF8.GetBytes(text[..^5] + "vgp=\n");

        var check = TlogProof.Verify(tampered, TestLog.GoVerifier(), Rfc6962.HashLeaf(GoSeededEntries.Entry(TestLog.GoSeed, 123)));

        Assert.Equal(TlogProofFailure.Checkpoint, check.Failure);
    }

    [Theory]
    [InlineData("", "no empty line")]
    [InlineData("c2sp.org/tlog-proof@v2\nindex 1\n\n", "header")]
    [InlineData("c2sp.org/tlog-proof@v1 \nindex 1\n\n", "header")]
    [InlineData("c2sp.org/tlog-proof@v1\n\n", "no index line")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 01\n\n", "index")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex -1\n\n", "index")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex +1\n\n", "index")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex \n\n", "index")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 18446744073709551616\n\n", "index")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex  1\n\n", "index")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra \nindex 1\n\n", "extra")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra YWJj\n", "no empty line")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra YWI\nindex 1\n\n", "extra")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra YWJ=\nindex 1\n\n", "extra")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\nextra YWJj\n\n", "proof line 1")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\nBCFx07g+FFCxafah9+KMtIYjm7+GZ1dJ/pAieEW0u0Y\n\n", "proof line 1")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\nBCFx07g+FFCxafah9+KMtIYjm7+GZ1dJ/pAieEW0u0Z=\n\n", "proof line 1")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\nBCFx07g+FFCxafah9+KMtIYjm7+GZ1dJ/pAieEW0u0Y= \n\n", "proof line 1")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\nBCFx07g-FFCxafah9-KMtIYjm7-GZ1dJ_pAieEW0u0Y=\n\n", "proof line 1")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\r\n\n", "printable ASCII")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\n\n", "no checkpoint")]
    public void TryParse_MalformedReceipt_NamesWhatIsWrong(string head, string expected)
    {
        var checkpoint = head.EndsWith("\n\n", StringComparison.Ordinal) && expected != "no checkpoint" ? "o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— o AAAA\n" : "";

        var parsed = TlogProof.TryParse(Encoding.UTF8.GetBytes(head + checkpoint), out _, out var error);

        Assert.False(parsed);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(TlogProofFailure.Malformed, TlogProof.Verify(Encoding.UTF8.GetBytes(head + checkpoint), TestLog.GoVerifier(), default).Failure);
    }

    [Fact]
    public void TryParse_TooManyProofLines_IsRejected()
    {
        var lines = string.Concat(Enumerable.Repeat("BCFx07g+FFCxafah9+KMtIYjm7+GZ1dJ/pAieEW0u0Y=\n", 65));

        Assert.False(TlogProof.TryParse(Encoding.UTF8.GetBytes($"{TlogProof.Header}\nindex 1\n{lines}\no\n"), out _, out var error));
        Assert.Contains("65 proof lines", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OtherLogKey_FailsOnTheCheckpoint()
    {
        using var key = SignerKey.Generate("example.com/go-tlog");

        var check = TlogProof.Verify(GoReceipt(), key.VerifierKey.CreateVerifier(), Rfc6962.HashLeaf(GoSeededEntries.Entry(TestLog.GoSeed, 123)));

        Assert.Equal(TlogProofFailure.Checkpoint, check.Failure);
    }

    [Fact]
    public void Verify_WrongOrigin_Fails()
    {
        var check = TlogProof.Verify(GoReceipt(), TestLog.GoVerifier(), Rfc6962.HashLeaf(GoSeededEntries.Entry(TestLog.GoSeed, 123)), origin: "example.com/other");

        Assert.Equal(TlogProofFailure.WrongOrigin, check.Failure);
    }

    [Fact]
    public void Verify_IndexNotBelowTreeSize_Fails()
    {
        var log = TestLog.FromGoSeed(4);
        var receipt = new TlogProof(4, [], log.Checkpoint.ToBytes());

        var check = receipt.VerifyEntry(log.Verifier, log.Entries[3]);

        Assert.Equal(TlogProofFailure.IndexOutOfRange, check.Failure);
    }

    [Fact]
    public void Verify_ProofMissingAHash_FailsWithWrongLength()
    {
        var log = TestLog.FromGoSeed(300);
        var full = TlogProof.Create(log.Tree, 5, log.Checkpoint);
        var receipt = new TlogProof(5, full.Proof.Take(full.Proof.Count - 1).ToArray(), full.CheckpointNote);

        var check = receipt.VerifyEntry(log.Verifier, log.Entries[5]);

        Assert.Equal(TlogProofFailure.WrongProofLength, check.Failure);
    }
}
