using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;

namespace OutcomeLedger.Core.Transparency.Tiles;

/// <summary>
/// Stored hashes read from hash tiles of a tree of fixed size, so roots and proofs can be computed from tiles alone.
/// A hash at a tree level between tile levels is the root of the 2^k hashes below it in one tile.
/// </summary>
public sealed class TileHashReader : IMerkleHashes
{
    readonly ulong _treeSize;
    readonly Func<TileId, byte[]> _readTile;
    readonly Dictionary<TileId, byte[]> _cache = [];

    /// <param name="treeSize">The size of the tree the tiles describe (it decides which tiles are partial).</param>
    /// <param name="readTile">Returns a tile's bytes; a tile of the wrong length is reported as <see cref="InvalidDataException"/>.</param>
    public TileHashReader(ulong treeSize, Func<TileId, byte[]> readTile)
    {
        ArgumentNullException.ThrowIfNull(readTile);
        _treeSize = treeSize;
        _readTile = readTile;
    }

    public Hash GetStoredHash(int level, ulong index)
    {
        var tileLevel = level / TileId.Height;
        var below = level % TileId.Height;
        var first = index << below;
        var span = 1 << below;
        if (first + (ulong)span > TileLayout.HashCount(tileLevel, _treeSize))
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"level {level} index {index} is not a complete subtree of a tree of {_treeSize}");
        }

        var tile = TileLayout.HashTileFor(tileLevel, first, _treeSize);
        var bytes = Tile(tile);
        var position = (int)(first % TileId.FullWidth);
        return Fold(bytes, position, span);
    }

    static Hash Fold(byte[] tile, int position, int count)
    {
        if (count == 1)
        {
            return HashTile.Read(tile, position);
        }

        var half = count / 2;
        return Rfc6962.HashChildren(Fold(tile, position, half), Fold(tile, position + half, half));
    }

    byte[] Tile(TileId tile)
    {
        if (!_cache.TryGetValue(tile, out var bytes))
        {
            bytes = _readTile(tile);
            if (bytes.Length != tile.Width * Hash.Size)
            {
                throw new InvalidDataException($"{tile.Path} is {bytes.Length} bytes; {tile.Width * Hash.Size} were expected");
            }

            _cache[tile] = bytes;
        }

        return bytes;
    }
}
