using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;

namespace OutcomeLedger.Core.Transparency.Tiles;

/// <summary>The bytes of hash tiles: the concatenated 32-byte hashes of tree level 8·L.</summary>
// c2sp.org/tlog-tiles
public static class HashTile
{
    /// <summary>Writes the tile's bytes from stored hashes.</summary>
    public static byte[] Build(IMerkleHashes hashes, TileId tile)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (tile.IsEntries)
        {
            throw new ArgumentException("an entry bundle is not a hash tile", nameof(tile));
        }

        var bytes = new byte[tile.Width * Hash.Size];
        var treeLevel = tile.Level * TileId.Height;
        var first = tile.Index * TileId.FullWidth;
        for (var i = 0; i < tile.Width; i++)
        {
            hashes.GetStoredHash(treeLevel, first + (ulong)i).CopyTo(bytes.AsSpan(i * Hash.Size));
        }

        return bytes;
    }

    /// <summary>Reads hash <paramref name="position"/> of a tile's bytes.</summary>
    public static Hash Read(ReadOnlySpan<byte> tileBytes, int position) =>
        Hash.FromBytes(tileBytes.Slice(position * Hash.Size, Hash.Size));
}
