using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Tests.Transparency.Tiles;

public class TileWriterTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(300, 7)]
    [InlineData(65536, 1000)]
    [InlineData(70001, 333)]
    public void Append_InBatches_WritesTheTilesOfTheTree(int size, int batch)
    {
        var random = new Random(size);
        var tree = new MerkleTree();
        var writer = TileWriter.Empty();
        var stored = new Dictionary<(int, ulong), byte[]>();
        var leaf = new byte[12];
        for (var i = 0; i < size; i++)
        {
            random.NextBytes(leaf);
            var hash = Rfc6962.HashLeaf(leaf);
            tree.AppendLeafHash(hash);
            writer.Append(hash);
            if ((i + 1) % batch == 0 || i == size - 1)
            {
                Assert.Equal(tree.Root(), writer.Root());
                foreach (var (tile, bytes) in writer.TakeChanged())
                {
                    stored[(tile.Level, tile.Index)] = bytes;
                }
            }
        }

        foreach (var tile in TileLayout.HashTiles(tree.Size))
        {
            Assert.Equal(HashTile.Build(tree, tile), stored[(tile.Level, tile.Index)]);
        }
    }

    [Fact]
    public void Resume_FromStoredTiles_ContinuesTheSameTree()
    {
        var tree = new MerkleTree();
        var writer = TileWriter.Empty();
        var stored = new Dictionary<(int, ulong), byte[]>();
        for (var i = 0; i < 70000; i++)
        {
            var hash = Rfc6962.HashLeaf(BitConverter.GetBytes(i));
            tree.AppendLeafHash(hash);
            writer.Append(hash);
            if (i == 66000)
            {
                foreach (var (tile, bytes) in writer.TakeChanged())
                {
                    stored[(tile.Level, tile.Index)] = bytes;
                }

                writer = TileWriter.Resume(writer.Size, (level, index) => stored.GetValueOrDefault((level, index)));
            }
        }

        Assert.Equal(tree.Root(), writer.Root());
    }

    [Fact]
    public void Resume_MissingTile_SaysWhichTile()
    {
        var error = Assert.Throws<InvalidDataException>(() => TileWriter.Resume(300, (_, _) => null));
        Assert.Contains("tile/0/001.p/44", error.Message, StringComparison.Ordinal);
    }
}
