using System.Buffers.Binary;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Tests.Interop;

/// <summary>
/// Our RFC 6962 hashing against the tiled log Go wrote (TestData/go-tlog, see its README). Needs no Go.
/// </summary>
public class GoTlogTestDataTests
{
    static readonly string LogDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog");
    static readonly string ExtraDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog-extra");

    static List<byte[]> Entries() =>
    [
        .. Bundle(Path.Combine(LogDirectory, "tile", "entries", "000")),
        .. Bundle(Path.Combine(LogDirectory, "tile", "entries", "001.p", "44")),
    ];

    // c2sp.org/tlog-tiles: big-endian uint16 length-prefixed entries.
    static List<byte[]> Bundle(string path)
    {
        var data = File.ReadAllBytes(path);
        var entries = new List<byte[]>();
        for (var offset = 0; offset < data.Length;)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset));
            entries.Add(data[(offset + 2)..(offset + 2 + length)]);
            offset += 2 + length;
        }

        return entries;
    }

    // RFC 9162 §2.1.1, written out directly so that this test does not lean on the code it checks.
    static Hash TreeHash(IReadOnlyList<Hash> leaves, int start, int count)
    {
        if (count == 1)
        {
            return leaves[start];
        }

        var split = 1;
        while (split * 2 < count)
        {
            split *= 2;
        }

        return Rfc6962.HashChildren(TreeHash(leaves, start, split), TreeHash(leaves, start + split, count - split));
    }

    static string[] CheckpointLines() => File.ReadAllText(Path.Combine(LogDirectory, "checkpoint")).Split('\n');

    [Fact]
    public void Entries_AreTheSeededEntries()
    {
        var entries = Entries();

        Assert.Equal(300, entries.Count);
        Assert.Equal(GoSeededEntries.Entries("outcomeledger-go-tlog", 300), entries);
    }

    [Fact]
    public void LevelZeroTiles_AreOurLeafHashesOfTheEntries()
    {
        var leaves = Entries().Select(e => Rfc6962.HashLeaf(e)).ToList();
        var tiles = File.ReadAllBytes(Path.Combine(LogDirectory, "tile", "0", "000"))
            .Concat(File.ReadAllBytes(Path.Combine(LogDirectory, "tile", "0", "001.p", "44")))
            .ToArray();

        Assert.Equal(leaves.SelectMany(h => h.ToArray()).ToArray(), tiles);
    }

    [Fact]
    public void LevelOneTile_IsOurTreeHashOfTheFirstFullTile()
    {
        var leaves = Entries().Select(e => Rfc6962.HashLeaf(e)).ToList();

        var tile = File.ReadAllBytes(Path.Combine(LogDirectory, "tile", "1", "000.p", "1"));

        Assert.Equal(TreeHash(leaves, 0, 256).ToArray(), tile);
    }

    [Fact]
    public void CheckpointRoot_IsOurTreeHashOfTheEntries()
    {
        var leaves = Entries().Select(e => Rfc6962.HashLeaf(e)).ToList();
        var lines = CheckpointLines();

        Assert.Equal("example.com/go-tlog", lines[0]);
        Assert.Equal("300", lines[1]);
        Assert.True(Hash.TryParseBase64(lines[2], out var root));
        Assert.Equal(root, TreeHash(leaves, 0, leaves.Count));
    }

    [Fact]
    public void TreehashBenchRoot_IsOurTreeHashOfTheBenchLeaves()
    {
        // tlogcheck treehash-bench: leaf i is the 8-byte big-endian encoding of i.
        var leaves = Enumerable.Range(0, 1000)
            .Select(i =>
            {
                var data = new byte[8];
                BinaryPrimitives.WriteUInt64BigEndian(data, (ulong)i);
                return Rfc6962.HashLeaf(data);
            })
            .ToList();
        var line = File.ReadAllText(Path.Combine(ExtraDirectory, "treehash-1000.txt")).Trim();

        Assert.Equal($"leaves=1000 root={TreeHash(leaves, 0, leaves.Count).ToHex()}", line);
    }
}
