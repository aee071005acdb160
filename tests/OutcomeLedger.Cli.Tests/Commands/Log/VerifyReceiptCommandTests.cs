using Microsoft.Extensions.Time.Testing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Tests.Commands.Log;

/// <summary><c>outcomes log verify-receipt</c>: a receipt from <c>log prove</c> checked offline, tampering of each part named (issue 13, Deliver 9).</summary>
public sealed class VerifyReceiptCommandTests : IDisposable
{
    const ulong Index = 4;
    readonly TestLedger ledger = new();
    readonly string receipt;
    readonly string logKey;
    readonly string entry;

    public VerifyReceiptCommandTests()
    {
        receipt = Path.Combine(ledger.Folder, "entry.proof");
        ledger.RunIn("log", "prove", Index.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", receipt).AssertOk();
        logKey = ledger.RunIn("log", "public-key").AssertOk().Output.Trim();
        entry = Path.Combine(ledger.Folder, "entry.json");
        File.WriteAllBytes(entry, Leaf(Index));
    }

    public void Dispose() => ledger.Dispose();

    byte[] Leaf(ulong index) => LeafAsync(index).GetAwaiter().GetResult();

    async Task<byte[]> LeafAsync(ulong index)
    {
        await using var folder = await LedgerFolder.OpenAsync(ledger.LedgerPath, TestContext.Current.CancellationToken);
        return (await folder.Store.ReadLeavesAtAsync([index], TestContext.Current.CancellationToken))[0].Data;
    }

    CliRun Verify(params string[] extra) => TestLedger.Run(["log", "verify-receipt", receipt, "--key", logKey, .. extra]);

    [Fact]
    public void VerifyReceipt_WithTheEntry_SaysWhatItProved()
    {
        var run = Verify("--entry", entry).AssertOk();

        Assert.Contains("Proved: the log key test.example/us-mx signed this checkpoint: log test.example/us-mx held", run.Output, StringComparison.Ordinal);
        Assert.Contains("Proved: entry 4 of that log is exactly the bytes of entry.json", run.Output, StringComparison.Ordinal);
        Assert.Contains("The entry is a ", run.Output, StringComparison.Ordinal);
        Assert.Contains("No witness key was given", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyReceipt_WithoutTheEntry_SaysItProvesNothingAboutIt()
    {
        var run = Verify().AssertOk();

        Assert.Contains("No entry was given (--entry): the receipt is for entry 4", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("exactly the bytes", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyReceipt_TamperedEntry_FailsNamingTheRoots()
    {
        var bytes = File.ReadAllBytes(entry);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(entry, bytes);

        Verify("--entry", entry).AssertFails(1, "the entry file is not entry 4 of the checkpointed log", "the proof leads to root");
    }

    [Fact]
    public void VerifyReceipt_AnotherEntry_Fails()
    {
        File.WriteAllBytes(entry, Leaf(Index + 1));

        Verify("--entry", entry).AssertFails(1, "is not entry 4 of the checkpointed log");
    }

    [Fact]
    public void VerifyReceipt_TamperedProofHash_Fails()
    {
        var parsed = Parse();
        var proof = parsed.Proof.ToList();
        var first = proof[0].ToArray();
        first[0] ^= 0x01;
        proof[0] = Core.Transparency.Hashing.Hash.FromBytes(first);
        File.WriteAllBytes(receipt, new TlogProof(parsed.Index, proof, parsed.CheckpointNote).ToBytes());

        Verify("--entry", entry).AssertFails(1, "is not entry 4 of the checkpointed log");
    }

    [Fact]
    public void VerifyReceipt_TamperedCheckpoint_FailsNamingTheSignature()
    {
        var text = File.ReadAllText(receipt);
        var origin = "test.example/us-mx\n";
        var at = text.IndexOf(origin, StringComparison.Ordinal) + origin.Length;
        var sizeEnd = text.IndexOf('\n', at);
        var size = ulong.Parse(text[at..sizeEnd], System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(receipt, text[..at] + (size + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + text[sizeEnd..]);

        Verify("--entry", entry).AssertFails(1, "the receipt's checkpoint is not signed by the log key");
    }

    [Fact]
    public void VerifyReceipt_WrongKey_Fails()
    {
        var other = TestLedger.Run("log", "keygen", "test.example/us-mx", "--out", Path.Combine(ledger.Folder, "other-log.key")).AssertOk().Output.Trim().Split('\n')[^1].Trim();

        TestLedger.Run("log", "verify-receipt", receipt, "--key", other, "--entry", entry).AssertFails(1, "the receipt's checkpoint is not signed by the log key");
    }

    [Fact]
    public void VerifyReceipt_NotAReceipt_FailsSaying()
    {
        File.WriteAllText(receipt, "hello\n");

        Verify().AssertFails(1, "the receipt is not a c2sp.org/tlog-proof@v1 receipt");
    }

    [Fact]
    public void VerifyReceipt_PrivateKeyAsKey_UsageError()
    {
        TestLedger.Run("log", "verify-receipt", receipt, "--key", "PRIVATE+KEY+x+1+abc").AssertFails(2, "--key is a private key");
    }

    [Fact]
    public void VerifyReceipt_Cosigned_NamesTheWitnessAndAMissingOneFails()
    {
        using var witnessKey = Ed25519PrivateKey.FromSeed(Enumerable.Repeat((byte)7, 32).ToArray());
        var witness = VerifierKey.Create("witness.example/mx", NoteKeyType.CosignatureV1, witnessKey.PublicKey).ToString();
        using var absentKey = Ed25519PrivateKey.FromSeed(Enumerable.Repeat((byte)8, 32).ToArray());
        var absent = VerifierKey.Create("witness.example/other", NoteKeyType.CosignatureV1, absentKey.PublicKey).ToString();
        var parsed = Parse();
        Assert.True(SignedNote.TryParse(parsed.CheckpointNote, out var note, out _));
        var cosigned = note.AddSignatures(new CosignatureV1Signer("witness.example/mx", witnessKey, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_790_000_000))));
        File.WriteAllBytes(receipt, new TlogProof(parsed.Index, parsed.Proof, cosigned.ToBytes()).ToBytes());

        var run = Verify("--entry", entry, "--witness", witness).AssertOk();
        Assert.Contains("Proved: witness.example/mx cosigned the same checkpoint", run.Output, StringComparison.Ordinal);

        var unchecked_ = Verify("--entry", entry).AssertOk();
        Assert.Contains("1 other signature on the checkpoint was not checked", unchecked_.Output, StringComparison.Ordinal);

        Verify("--entry", entry, "--witness", witness, "--witness", absent).AssertFails(1, "the checkpoint is not cosigned by 'witness.example/other'");
    }

    [Fact]
    public void VerifyReceipt_Spanish_SaysItInSpanish()
    {
        var run = Verify("--entry", entry, "--lang", "es").AssertOk();

        Assert.Contains("Probado: la entrada 4 de ese registro", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Proved", run.Output, StringComparison.Ordinal);
    }

    TlogProof Parse()
    {
        Assert.True(TlogProof.TryParse(File.ReadAllBytes(receipt), out var parsed, out var error), error);
        return parsed;
    }
}
