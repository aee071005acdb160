using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Transparency.Tiles;

/// <summary>
/// Verifies a whole c2sp.org/tlog-tiles log read through a function of tile paths (no I/O here): the checkpoint's
/// signature by the log key, every entry bundle parsed and re-hashed, every hash tile (full, and the partial ones for
/// the checkpoint's size) equal to what the entries give, and the checkpoint's root equal to the entries' tree.
/// Memory stays bounded (a few tiles); the checkpoint's size is bounded by <see cref="MaxTreeSize"/>.
/// </summary>
public sealed class TiledLogVerifier
{
    /// <summary>The path of the checkpoint below the log prefix (c2sp.org/tlog-tiles).</summary>
    public const string CheckpointPath = "checkpoint";

    /// <summary>The default bound on the checkpoint's tree size: 2^40 entries.</summary>
    public const ulong DefaultMaxTreeSize = 1UL << 40;

    /// <summary>The largest possible entry bundle: 256 entries of 65,535 bytes, each with its 2-byte length.</summary>
    public const int MaxBundleSize = TileId.FullWidth * (2 + EntryBundle.MaxEntrySize);

    /// <summary>The size of a full hash tile.</summary>
    public const int MaxHashTileSize = TileId.FullWidth * Hash.Size;

    readonly NoteVerifier _log;
    readonly string? _origin;

    /// <param name="log">The log's key; the checkpoint must carry its valid signature.</param>
    /// <param name="origin">When given, the checkpoint must name this origin.</param>
    /// <param name="maxTreeSize">Checkpoints of more entries are refused rather than read.</param>
    public TiledLogVerifier(NoteVerifier log, string? origin = null, ulong maxTreeSize = DefaultMaxTreeSize)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        _origin = origin;
        MaxTreeSize = maxTreeSize;
    }

    public ulong MaxTreeSize { get; }

    /// <summary>Hashes the entries and tile levels in batches; .NET's SHA-256 unless a host passes a faster one.</summary>
    public IBatchSha256 Sha256 { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = PlatformBatchSha256.Instance;

    /// <summary>The most bytes a reader needs to accept for <paramref name="path"/>; readers should refuse more.</summary>
    public static int MaxFileSize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path == CheckpointPath ? SignedNote.MaxSize
            : path.StartsWith("tile/entries/", StringComparison.Ordinal) ? MaxBundleSize
            : MaxHashTileSize;
    }

    /// <summary>
    /// Verifies the log. <paramref name="read"/> returns a file's bytes by its path below the log prefix
    /// (<c>checkpoint</c>, <c>tile/0/x001/234</c>, <c>tile/entries/000.p/5</c>), or null when it does not exist;
    /// its exceptions (I/O, network) are not caught.
    /// </summary>
    public TiledLogCheck Verify(Func<string, byte[]?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new Run(this, read).Verify();
    }

    // The state of one verification: the hashes computed from the entries that wait for their tile at each level.
    sealed class Run(TiledLogVerifier verifier, Func<string, byte[]?> read)
    {
        readonly List<Hash>[] _pending = [.. Enumerable.Range(0, TileId.MaxLevel + 1).Select(_ => new List<Hash>(TileId.FullWidth))];
        readonly ulong[] _completeTiles = new ulong[TileId.MaxLevel + 1];
        readonly Hash[] _scratch = new Hash[TileId.FullWidth];
        Checkpoint _checkpoint = null!;
        long _hashTiles;

        public TiledLogCheck Verify()
        {
            if (OpenCheckpoint() is { } failed)
            {
                return failed;
            }

            var size = _checkpoint.TreeSize;
            var leaves = new Hash[TileId.FullWidth];
            var lastLeaves = Array.Empty<Hash>();
            for (ulong start = 0; start < size; start += TileId.FullWidth)
            {
                var bundle = TileLayout.EntryBundleFor(start, size);
                if (CheckBundle(bundle, leaves) is { } bad)
                {
                    return bad;
                }

                var hashTile = TileId.Hash(0, bundle.Index, bundle.Width);
                if (CheckHashTile(hashTile, leaves.AsSpan(0, bundle.Width), bundle) is { } mismatch)
                {
                    return mismatch;
                }

                if (bundle.IsPartial)
                {
                    lastLeaves = leaves[..bundle.Width];
                }
                else if (AddHash(1, Fold(leaves)) is { } above)
                {
                    return above;
                }
            }

            // The partial tiles at the right edge of each level (c2sp.org/tlog-tiles: one per level at most).
            var partial = new Dictionary<TileId, byte[]>();
            if (lastLeaves.Length > 0)
            {
                partial[TileId.Hash(0, size / TileId.FullWidth, lastLeaves.Length)] = ToBytes(lastLeaves);
            }

            for (var level = 1; level <= TileId.MaxLevel && (_pending[level].Count > 0 || _completeTiles[level] > 0); level++)
            {
                if (_pending[level].Count == 0)
                {
                    continue;
                }

                var tile = TileId.Hash(level, _completeTiles[level], _pending[level].Count);
                if (CheckHashTile(tile, _pending[level].ToArray(), entries: null) is { } mismatch)
                {
                    return mismatch;
                }

                partial[tile] = ToBytes(_pending[level].ToArray());
            }

            // The root's complete subtrees all lie in the partial tiles, so they are all the reader is asked for.
            var root = size == 0 ? Rfc6962.EmptyRoot : MerkleMath.Root(new TileHashReader(size, t => partial[t]), size);
            if (root != _checkpoint.RootHash)
            {
                return Fail(
                    TiledLogFailure.RootMismatch, CheckpointPath,
                    $"the checkpoint's root {_checkpoint.RootHash.ToBase64()} is not the root {root.ToBase64()} of its {size} entries");
            }

            return new TiledLogCheck(
                TiledLogFailure.None, null,
                $"valid: {_checkpoint.Origin} size {size} root {root.ToBase64()}: {size} entries, {_hashTiles} hash tiles verified",
                _checkpoint, size, _hashTiles);
        }

        TiledLogCheck? OpenCheckpoint()
        {
            var bytes = read(CheckpointPath);
            if (bytes is null)
            {
                return Fail(TiledLogFailure.Missing, CheckpointPath, "the checkpoint is missing");
            }

            if (!Checkpoint.TryOpen(bytes, verifier._log, null, out var signed, out var error))
            {
                return Fail(TiledLogFailure.Checkpoint, CheckpointPath, error.Message);
            }

            _checkpoint = signed.Checkpoint;
            if (verifier._origin is { } origin && !string.Equals(origin, _checkpoint.Origin, StringComparison.Ordinal))
            {
                return Fail(TiledLogFailure.Checkpoint, CheckpointPath, $"the checkpoint is for origin '{_checkpoint.Origin}', not '{origin}'");
            }

            if (_checkpoint.TreeSize > verifier.MaxTreeSize)
            {
                return Fail(TiledLogFailure.TooLarge, CheckpointPath, $"the checkpoint's tree size {_checkpoint.TreeSize} is above the {verifier.MaxTreeSize} entries this verifier reads");
            }

            return null;
        }

        // Parses the bundle into exactly its width of entries and writes their RFC 6962 leaf hashes to leaves.
        TiledLogCheck? CheckBundle(TileId bundle, Hash[] leaves)
        {
            var bytes = read(bundle.Path);
            if (bytes is null)
            {
                return Fail(TiledLogFailure.Missing, bundle.Path, "the entry bundle is missing");
            }

            if (bytes.Length > MaxBundleSize)
            {
                return Fail(TiledLogFailure.WrongLength, bundle.Path, $"{bytes.Length} bytes is more than any entry bundle holds");
            }

            if (!EntryBundle.TryDecode(bytes, bundle.Width, out var entries, out var error))
            {
                return Fail(TiledLogFailure.MalformedBundle, bundle.Path, error);
            }

            Rfc6962.HashLeaves(entries, leaves.AsSpan(0, entries.Count), verifier.Sha256);

            return null;
        }

        // Compares a hash tile's file with the hashes computed from below; entries is the bundle for a level-0 tile.
        TiledLogCheck? CheckHashTile(TileId tile, ReadOnlySpan<Hash> expected, TileId? entries)
        {
            var bytes = read(tile.Path);
            if (bytes is null)
            {
                return Fail(TiledLogFailure.Missing, tile.Path, "the hash tile is missing");
            }

            if (bytes.Length != expected.Length * Hash.Size)
            {
                return Fail(TiledLogFailure.WrongLength, tile.Path, $"the hash tile is {bytes.Length} bytes; a tile of width {expected.Length} is {expected.Length * Hash.Size}");
            }

            _hashTiles++;
            for (var k = 0; k < expected.Length; k++)
            {
                if (HashTile.Read(bytes, k) == expected[k])
                {
                    continue;
                }

                var position = (tile.Index * TileId.FullWidth) + (ulong)k;
                if (entries is not { } bundle)
                {
                    return Fail(TiledLogFailure.HashMismatch, tile.Path, $"hash {k} is not the hash of {TileId.Hash(tile.Level - 1, position).Path} below it");
                }

                // Entries or tile: whichever disagrees with the tree above (authenticated by the signed root) is wrong.
                return AgreesWithTreeAbove(tile, bytes)
                    ? Fail(TiledLogFailure.HashMismatch, bundle.Path, $"the leaf hash of entry {position} (entry {k} of the bundle) is not hash {k} of {tile.Path}, which agrees with the tiles above it")
                    : Fail(TiledLogFailure.HashMismatch, tile.Path, $"hash {k} is not the leaf hash of entry {position} in {bundle.Path}");
            }

            return null;
        }

        // Adds the hash of a full tile at level-1 to the tile at level; a level's tile is checked when it is full.
        TiledLogCheck? AddHash(int level, Hash hash)
        {
            var pending = _pending[level];
            pending.Add(hash);
            if (pending.Count < TileId.FullWidth)
            {
                return null;
            }

            var tile = TileId.Hash(level, _completeTiles[level]);
            pending.CopyTo(_scratch);
            pending.Clear();
            _completeTiles[level]++;
            return CheckHashTile(tile, _scratch, entries: null) ?? AddHash(level + 1, Fold(_scratch));
        }

        bool AgreesWithTreeAbove(TileId tile, byte[] bytes)
        {
            var size = _checkpoint.TreeSize;
            if (!tile.IsPartial)
            {
                var parent = TileLayout.HashTileFor(tile.Level + 1, tile.Index, size);
                var parentBytes = read(parent.Path);
                if (parentBytes is null || parentBytes.Length != parent.Width * Hash.Size)
                {
                    return false;
                }

                var hashes = new Hash[TileId.FullWidth];
                for (var i = 0; i < hashes.Length; i++)
                {
                    hashes[i] = HashTile.Read(bytes, i);
                }

                return Fold(hashes) == HashTile.Read(parentBytes, (int)(tile.Index % TileId.FullWidth));
            }

            var partial = new Dictionary<TileId, byte[]>();
            foreach (var edge in TileLayout.HashTiles(size).Where(t => t.IsPartial))
            {
                var edgeBytes = edge == tile ? bytes : read(edge.Path);
                if (edgeBytes is null || edgeBytes.Length != edge.Width * Hash.Size)
                {
                    return false;
                }

                partial[edge] = edgeBytes;
            }

            return MerkleMath.Root(new TileHashReader(size, t => partial[t]), size) == _checkpoint.RootHash;
        }

        // The root of a full tile's 256 hashes: the hash at the next tile level (RFC 9162 §2.1.1 on a complete subtree).
        // Each level's 2^k node hashes are independent: one batch per level for a multi-buffer SHA-256.
        Hash Fold(Hash[] hashes)
        {
            var level = hashes[..TileId.FullWidth];
            for (var width = TileId.FullWidth; width > 1; width /= 2)
            {
                var parents = new Hash[width / 2];
                Rfc6962.HashPairs(level, parents, verifier.Sha256);
                level = parents;
            }

            return level[0];
        }

        static byte[] ToBytes(Hash[] hashes)
        {
            var bytes = new byte[hashes.Length * Hash.Size];
            for (var i = 0; i < hashes.Length; i++)
            {
                hashes[i].CopyTo(bytes.AsSpan(i * Hash.Size));
            }

            return bytes;
        }

        TiledLogCheck Fail(TiledLogFailure failure, string file, string message) =>
            new(failure, file, message, _checkpoint, 0, _hashTiles);
    }
}
