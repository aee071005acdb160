using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Storage.Tests.Support;

/// <summary>Builds valid store batches of arbitrary leaf bytes, as the sequencer would: leaves, changed tiles and a signed checkpoint.</summary>
public sealed class LogBatchBuilder(NoteSigner signer, string origin)
{
    readonly TileWriter _tiles = TileWriter.Empty();

    public MerkleTree Tree { get; } = new();

    public ulong Size => Tree.Size;

    public LogBatch Next(IReadOnlyList<byte[]> leaves, IReadOnlyList<ProjectionRow>? projection = null)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        var expected = Size;
        var stored = new List<StoredLeaf>();
        foreach (var data in leaves)
        {
            var hash = Rfc6962.HashLeaf(data);
            stored.Add(new StoredLeaf(Tree.Size, hash, data));
            Tree.AppendLeafHash(hash);
            _tiles.Append(hash);
        }

        var root = _tiles.Root();
        var note = new Checkpoint(origin, Size, root).Sign(signer).ToString();
        var tiles = _tiles.TakeChanged().Select(t => new StoredTile(t.Tile.Level, t.Tile.Index, t.Bytes)).ToList();
        return new LogBatch(expected, stored, tiles, projection ?? [], new StoredCheckpoint(Size, root, note));
    }

    public static byte[][] RandomLeaves(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var data = new byte[random.Next(1, 200)];
            random.NextBytes(data);
            return data;
        })];
}
