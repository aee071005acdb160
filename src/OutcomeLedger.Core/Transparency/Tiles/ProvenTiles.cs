using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;

namespace OutcomeLedger.Core.Transparency.Tiles;

/// <summary>
/// A log's stored hash tiles, proven against a checkpoint's root before any hash of them is trusted: the tiles the
/// root is computed from are proven by the root itself, and any other (full) tile by folding its 256 hashes into its
/// parent tile's hash, which is proven in turn. A proven full tile never needs proving again: its hashes never change.
/// So a stored entry whose bytes were changed, or a tile rewritten to match, is named before anything reads it as
/// logged. Safe for concurrent readers: two proving one tile at once each compute the same fold.
/// </summary>
// c2sp.org/tlog-tiles; RFC 9162 §2.1 (a tile's hashes are the tree's nodes at level 8·L).
public sealed class ProvenTiles
{
    readonly Func<TileId, CancellationToken, Task<byte[]?>> _readTile;
    readonly IBatchSha256 _sha256;
    readonly System.Collections.Concurrent.ConcurrentDictionary<(int Level, ulong Index), byte[]> _proven = new();

    ProvenTiles(ulong treeSize, Hash root, Func<TileId, CancellationToken, Task<byte[]?>> readTile, IBatchSha256 sha256)
    {
        TreeSize = treeSize;
        Root = root;
        _readTile = readTile;
        _sha256 = sha256;
    }

    public ulong TreeSize { get; }

    public Hash Root { get; }

    /// <summary>
    /// Reads the tiles the root of a tree of <paramref name="treeSize"/> is computed from and checks they give
    /// <paramref name="root"/> (a root the caller took from a checkpoint whose signature it verified).
    /// </summary>
    /// <param name="treeSize">The checkpoint's size.</param>
    /// <param name="root">The checkpoint's root.</param>
    /// <param name="readTile">The stored bytes of a tile: exactly its width of hashes, or null when the store has none that wide.</param>
    /// <param name="sha256">Hashes the folds of whole tiles in batches.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <exception cref="LogMismatchException">The stored tiles do not give the root.</exception>
    public static async Task<ProvenTiles> OpenAsync(ulong treeSize, Hash root, Func<TileId, CancellationToken, Task<byte[]?>> readTile, IBatchSha256 sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readTile);
        ArgumentNullException.ThrowIfNull(sha256);
        var proven = new ProvenTiles(treeSize, root, readTile, sha256);
        if (treeSize == 0)
        {
            return proven;
        }

        // First find which tiles the root is made of (they depend only on the size), then read them and compute it.
        var needed = new HashSet<TileId>();
        MerkleMath.Root(new TileHashReader(treeSize, tile =>
        {
            needed.Add(tile);
            return new byte[tile.Width * Hash.Size];
        }), treeSize);
        var tiles = new Dictionary<TileId, byte[]>();
        foreach (var tile in needed)
        {
            tiles[tile] = await proven.ReadAsync(tile, cancellationToken);
        }

        var computed = MerkleMath.Root(new TileHashReader(treeSize, tile => tiles[tile]), treeSize);
        if (computed != root)
        {
            throw new LogMismatchException($"the stored hash tiles give root {computed} at size {treeSize}, but the signed checkpoint says {root}: the stored log was changed; run 'outcomes log verify'");
        }

        // Every hash of a tile the root was computed from went into the root.
        foreach (var (tile, bytes) in tiles)
        {
            proven._proven[(tile.Level, tile.Index)] = bytes;
        }

        return proven;
    }

    /// <summary>The proven hash of leaf <paramref name="index"/>.</summary>
    public async Task<Hash> LeafHashAsync(ulong index, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TreeSize);
        var tile = await ProveAsync(0, index / TileId.FullWidth, cancellationToken);
        return HashTile.Read(tile, (int)(index % TileId.FullWidth));
    }

    // The bytes of tile (level, index) once proven: by the root (done when opening), or by its parent's hash.
    async Task<byte[]> ProveAsync(int level, ulong index, CancellationToken cancellationToken)
    {
        if (_proven.TryGetValue((level, index), out var known))
        {
            return known;
        }

        var tile = TileLayout.HashTileFor(level, index * TileId.FullWidth, TreeSize);
        if (tile.Width != TileId.FullWidth)
        {
            throw new InvalidOperationException($"partial tile {tile.Path} should have been proven by the root");
        }

        var bytes = await ReadAsync(tile, cancellationToken);
        var parent = await ProveAsync(level + 1, index / TileId.FullWidth, cancellationToken);
        var expected = HashTile.Read(parent, (int)(index % TileId.FullWidth));
        var folded = Fold(bytes);
        if (folded != expected)
        {
            throw new LogMismatchException($"hash tile {tile.Path} does not match the tree of the signed checkpoint (its hashes give {folded}, the tree above holds {expected}): the stored log was changed; run 'outcomes log verify'");
        }

        _proven[(level, index)] = bytes;
        return bytes;
    }

    async Task<byte[]> ReadAsync(TileId tile, CancellationToken cancellationToken)
    {
        var bytes = await _readTile(tile, cancellationToken)
            ?? throw new LogMismatchException($"hash tile {tile.Path} is missing from the store: run 'outcomes log verify'");
        return bytes.Length == tile.Width * Hash.Size
            ? bytes
            : throw new LogMismatchException($"hash tile {tile.Path} is stored with {bytes.Length} bytes; {tile.Width * Hash.Size} were expected");
    }

    // The root of a full tile's 256 hashes: eight levels of pairs, each hashed in one batch.
    Hash Fold(byte[] tile)
    {
        var level = new Hash[TileId.FullWidth];
        for (var i = 0; i < level.Length; i++)
        {
            level[i] = HashTile.Read(tile, i);
        }

        var length = level.Length;
        while (length > 1)
        {
            var parents = new Hash[length / 2];
            Rfc6962.HashPairs(level.AsSpan(0, length), parents, _sha256);
            level = parents;
            length = parents.Length;
        }

        return level[0];
    }
}
