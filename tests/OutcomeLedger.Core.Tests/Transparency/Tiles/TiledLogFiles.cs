using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Tests.Transparency.Tiles;

/// <summary>
/// Every file of a c2sp.org/tlog-tiles log at one size, by path below the log prefix: the signed checkpoint, the entry
/// bundles and the hash tiles (full, and the partial ones for that size), built in memory from a tree. A test
/// fixture: the product writes tiles as it sequences (TileWriter) and exports them from the store (TileExporter).
/// </summary>
internal static class TiledLogFiles
{
    /// <param name="tree">The log's tree; its size is the checkpoint's.</param>
    /// <param name="entries">The entries, one per leaf of <paramref name="tree"/>.</param>
    /// <param name="signedCheckpoint">The checkpoint for the tree's current size, signed.</param>
    public static IEnumerable<KeyValuePair<string, byte[]>> Build(MerkleTree tree, IReadOnlyList<ReadOnlyMemory<byte>> entries, SignedNote signedCheckpoint)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(signedCheckpoint);
        if ((ulong)entries.Count != tree.Size)
        {
            throw new ArgumentException($"{entries.Count} entries for a tree of {tree.Size} leaves", nameof(entries));
        }

        if (!Checkpoint.TryParse(signedCheckpoint.Text, out var checkpoint, out var error) || checkpoint.TreeSize != tree.Size || checkpoint.RootHash != tree.Root())
        {
            throw new ArgumentException($"the note is not the checkpoint of this tree: {error?.Message ?? "size or root differs"}", nameof(signedCheckpoint));
        }

        return Files(tree, entries, signedCheckpoint.ToBytes());
    }

    static IEnumerable<KeyValuePair<string, byte[]>> Files(MerkleTree tree, IReadOnlyList<ReadOnlyMemory<byte>> entries, byte[] checkpoint)
    {
        yield return new(TiledLogVerifier.CheckpointPath, checkpoint);
        foreach (var bundle in TileLayout.EntryBundles(tree.Size))
        {
            var first = (int)(bundle.Index * TileId.FullWidth);
            var slice = new ReadOnlyMemory<byte>[bundle.Width];
            for (var i = 0; i < slice.Length; i++)
            {
                slice[i] = entries[first + i];
            }

            yield return new(bundle.Path, EntryBundle.Encode(slice));
        }

        foreach (var tile in TileLayout.HashTiles(tree.Size))
        {
            yield return new(tile.Path, HashTile.Build(tree, tile));
        }
    }
}
