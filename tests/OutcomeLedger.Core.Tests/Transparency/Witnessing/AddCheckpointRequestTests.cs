using System.Text;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Core.Tests.Transparency.Witnessing;

/// <summary>The add-checkpoint body against the example of c2sp.org/tlog-witness, quoted byte for byte.</summary>
public sealed class AddCheckpointRequestTests
{
    // c2sp.org/tlog-witness, "add-checkpoint", "Example request body" (indentation removed, as the spec's code block).
    const string SpecExample =
        "old 20852014\n" +
        "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n" +
        "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n" +
        "5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=\n" +
        "/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=\n" +
        "\n" +
        "example.com/behind-the-sofa\n" +
        "20852163\n" +
        "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n" +
        "\n" +
        "— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n" +
        "— example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=\n";

    [Fact]
    public void TryParse_SpecExample_ReadsEveryPartAndWritesTheSameBytes()
    {
        var bytes = Encoding.UTF8.GetBytes(SpecExample);
        Assert.True(AddCheckpointRequest.TryParse(bytes, out var request, out var error), error);
        Assert.Equal(20852014UL, request.OldSize);
        Assert.Equal(4, request.Proof.Count);
        Assert.Equal("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=", request.Proof[0].ToBase64());
        Assert.Equal("/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=", request.Proof[3].ToBase64());
        Assert.Equal("example.com/behind-the-sofa", request.Checkpoint.Origin);
        Assert.Equal(20852163UL, request.Checkpoint.TreeSize);
        Assert.Equal(2, request.Note.Signatures.Count);
        Assert.Equal(bytes, request.ToBytes());
    }

    [Fact]
    public void ToBytes_FromSizeZero_HasNoProofLinesAndOneEmptyLine()
    {
        using var key = SignerKey.FromSeed("example.com/log", NoteKeyType.Ed25519, new byte[32]);
        var checkpoint = new Checkpoint("example.com/log", 1, Rfc6962.HashLeaf("a"u8));
        var note = checkpoint.Sign(key.CreateSigner());
        var body = Encoding.UTF8.GetString(new AddCheckpointRequest(0, [], note, checkpoint).ToBytes());
        Assert.Equal("old 0\n\n" + note, body);
    }

    [Theory]
    [InlineData("", "must start with 'old <size>'")]
    [InlineData("old 01\n\n", "must start with 'old <size>'")]
    [InlineData("old -1\n\n", "must start with 'old <size>'")]
    [InlineData("Old 1\n\n", "must start with 'old <size>'")]
    [InlineData("old  1\n\n", "must start with 'old <size>'")]
    [InlineData("old 1", "must start with 'old <size>'")]
    [InlineData("old 1\nnot-a-hash\n\n", "proof line 1 is not a base64 SHA-256 hash")]
    [InlineData("old 1\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n", "must end with an empty line")]
    [InlineData("old 1\n\nexample.com/log\n1\n", "not a signed note")]
    public void TryParse_Malformed_SaysWhichPart(string body, string expected)
    {
        Assert.False(AddCheckpointRequest.TryParse(Encoding.UTF8.GetBytes(body), out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_SixtyFourProofLines_Refused()
    {
        var tree = new MerkleTree();
        tree.Append("a"u8.ToArray());
        var line = tree.Root().ToBase64() + "\n";
        var body = "old 1\n" + string.Concat(Enumerable.Repeat(line, 64)) + "\n";
        Assert.False(AddCheckpointRequest.TryParse(Encoding.UTF8.GetBytes(body), out _, out var error));
        Assert.Contains("more than 63", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", true, 0UL)]
    [InlineData("20852014", true, 20852014UL)]
    [InlineData("18446744073709551615", true, ulong.MaxValue)]
    [InlineData("18446744073709551616", false, 0UL)]
    [InlineData("007", false, 0UL)]
    [InlineData("+7", false, 0UL)]
    [InlineData("", false, 0UL)]
    public void TryParseSize_DecimalWithoutLeadingZeros(string text, bool valid, ulong expected)
    {
        Assert.Equal(valid, AddCheckpointRequest.TryParseSize(text, out var size));
        Assert.Equal(expected, size);
    }

    static Hash Leaf(string text) => Rfc6962.HashLeaf(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void ToBytes_ThenTryParse_KeepsProofAndNote()
    {
        using var key = SignerKey.FromSeed("example.com/log", NoteKeyType.Ed25519, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var checkpoint = new Checkpoint("example.com/log", 9, Leaf("root"));
        var note = checkpoint.Sign(key.CreateSigner());
        Hash[] proof = [Leaf("p1"), Leaf("p2"), Leaf("p3")];
        Assert.True(AddCheckpointRequest.TryParse(new AddCheckpointRequest(4, proof, note, checkpoint).ToBytes(), out var read, out var error), error);
        Assert.Equal(4UL, read.OldSize);
        Assert.Equal(proof, read.Proof);
        Assert.Equal(note.ToString(), read.Note.ToString());
    }
}
