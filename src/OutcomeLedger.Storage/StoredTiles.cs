using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Storage;

/// <summary>Reads a store's hash tiles as they were at a tree size, for proofs computed from tiles alone.</summary>
public static class StoredTiles
{
    /// <summary>
    /// Stored tiles are full, or the widest partial tile written so far: a partial tile of a smaller size is its
    /// prefix (hashes of complete subtrees never change).
    /// </summary>
    public static async Task<TileHashReader> ReaderAsync(ILogStore store, ulong treeSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var tiles = new Dictionary<TileId, byte[]>();
        foreach (var tile in TileLayout.HashTiles(treeSize))
        {
            var bytes = await store.ReadTileAsync(tile.Level, tile.Index, cancellationToken)
                ?? throw new InvalidDataException($"tile {tile.Path} is missing from the store");
            var length = tile.Width * Hash.Size;
            tiles[tile] = bytes.Length >= length ? bytes[..length] : throw new InvalidDataException($"tile {tile.Path} is stored with fewer hashes than size {treeSize} needs");
        }

        return new TileHashReader(treeSize, tile => tiles[tile]);
    }
}
