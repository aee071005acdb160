using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Storage.Tests.Support;

/// <summary>The tree a store's hash tiles describe, read tile by tile, and consistency checks between its checkpoints.</summary>
public static class StoredTree
{
    /// <summary>Hashes of the tree of <paramref name="size"/> read from the stored tiles only (not from the leaves).</summary>
    public static async Task<TileHashReader> ReadAsync(ILogStore store, ulong size, CancellationToken cancellationToken)
    {
        var tiles = new Dictionary<(int, ulong), byte[]>();
        foreach (var tile in TileLayout.HashTiles(size))
        {
            tiles[(tile.Level, tile.Index)] = await store.ReadTileAsync(tile.Level, tile.Index, cancellationToken)
                ?? throw new InvalidDataException($"tile {tile.Path} is missing");
        }

        // A stored partial tile may be wider than this size needs: its first hashes are the same.
        return new TileHashReader(size, t => tiles[(t.Level, t.Index)][..(t.Width * Hash.Size)]);
    }

    /// <summary>Checks that <paramref name="later"/> is consistent with <paramref name="earlier"/>: an RFC 9162 consistency proof from the stored tiles.</summary>
    public static ProofCheck Consistency(TileHashReader tree, (ulong Size, Hash Root) earlier, (ulong Size, Hash Root) later)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var proof = MerkleMath.ConsistencyProof(tree, earlier.Size, later.Size);
        return ConsistencyProof.Verify(earlier.Size, later.Size, proof, earlier.Root, later.Root);
    }
}
