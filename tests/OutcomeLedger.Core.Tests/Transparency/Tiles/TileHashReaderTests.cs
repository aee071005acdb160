using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Tests.Transparency.Tiles;

public class TileHashReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(65536)]
    [InlineData(70000)]
    public void RootAndProofs_FromTilesAlone_EqualTheTree(int size)
    {
        var random = new Random(size);
        var tree = new MerkleTree();
        var leaf = new byte[8];
        for (var i = 0; i < size; i++)
        {
            random.NextBytes(leaf);
            tree.Append(leaf);
        }

        var tiles = TileLayout.HashTiles(tree.Size).ToDictionary(t => t, t => HashTile.Build(tree, t));
        var reader = new TileHashReader(tree.Size, t => tiles[t]);

        Assert.Equal(tree.Root(), MerkleMath.Root(reader, tree.Size));
        for (var trial = 0; trial < 20; trial++)
        {
            var index = (ulong)random.NextInt64(0, size);
            Assert.Equal(tree.InclusionProof(index, tree.Size), MerkleMath.InclusionProof(reader, index, tree.Size));
            var size1 = (ulong)random.NextInt64(0, size + 1);
            Assert.Equal(tree.ConsistencyProof(size1, tree.Size), MerkleMath.ConsistencyProof(reader, size1, tree.Size));
        }
    }

    [Fact]
    public void GetStoredHash_TileOfWrongLength_IsReported()
    {
        var tree = new MerkleTree();
        tree.Append([1]);
        tree.Append([2]);
        var reader = new TileHashReader(2, _ => new byte[33]);

        var error = Assert.Throws<InvalidDataException>(() => MerkleMath.Root(reader, 2));
        Assert.Contains("tile/0/000.p/2", error.Message, StringComparison.Ordinal);
    }
}
