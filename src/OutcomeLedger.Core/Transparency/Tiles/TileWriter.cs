using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;

namespace OutcomeLedger.Core.Transparency.Tiles;

/// <summary>
/// Grows a log's hash tiles leaf by leaf. It holds only the right-most (partial) tile of each level — all a root
/// needs, since every complete subtree of the right edge lies in one of them — and reports which tiles changed so
/// a batch can write just those.
/// </summary>
// c2sp.org/tlog-tiles: level L holds the hashes of tree level 8·L.
public sealed class TileWriter : IMerkleHashes
{
    readonly List<List<Hash>> _edge = [];
    readonly HashSet<(int Level, ulong Index)> _changed = [];
    readonly Dictionary<(int Level, ulong Index), List<Hash>> _full = [];

    TileWriter(ulong size) => Size = size;

    public ulong Size { get; private set; }

    /// <summary>An empty log.</summary>
    public static TileWriter Empty() => new(0);

    /// <summary>Resumes at <paramref name="size"/> from the stored right-most tile of each level.</summary>
    public static TileWriter Resume(ulong size, Func<int, ulong, byte[]?> readTile)
    {
        ArgumentNullException.ThrowIfNull(readTile);
        var writer = new TileWriter(size);
        for (var level = 0; TileLayout.HashCount(level, size) > 0; level++)
        {
            var count = TileLayout.HashCount(level, size);
            var width = (int)(count % TileId.FullWidth);
            var hashes = new List<Hash>(TileId.FullWidth);
            if (width > 0)
            {
                var index = count / TileId.FullWidth;
                var bytes = readTile(level, index) ?? throw new InvalidDataException($"tile {TileId.Hash(level, index, width).Path} is missing from storage");
                if (bytes.Length < width * Hash.Size)
                {
                    throw new InvalidDataException($"tile {TileId.Hash(level, index, width).Path} is stored with {bytes.Length / Hash.Size} hashes; {width} are needed");
                }

                for (var i = 0; i < width; i++)
                {
                    hashes.Add(HashTile.Read(bytes, i));
                }
            }

            writer._edge.Add(hashes);
        }

        return writer;
    }

    public void Append(Hash leafHash)
    {
        var level = 0;
        var hash = leafHash;
        var count = Size;
        while (true)
        {
            if (_edge.Count == level)
            {
                _edge.Add(new List<Hash>(TileId.FullWidth));
            }

            var tile = _edge[level];
            tile.Add(hash);
            _changed.Add((level, count / TileId.FullWidth));
            if (tile.Count < TileId.FullWidth)
            {
                break;
            }

            // A full tile: its root is the next level's next hash.
            hash = Fold(tile, 0, TileId.FullWidth);
            _edge[level] = new List<Hash>(TileId.FullWidth);
            _full[(level, count / TileId.FullWidth)] = tile;
            level++;
            count >>= TileId.Height;
        }

        Size++;
    }

    /// <summary>The tiles changed since the last call, with their bytes (full tiles complete, partial ones at their current width).</summary>
    public IReadOnlyList<(TileId Tile, byte[] Bytes)> TakeChanged()
    {
        var result = new List<(TileId, byte[])>(_changed.Count);
        foreach (var (level, index) in _changed.OrderBy(c => c.Level).ThenBy(c => c.Index))
        {
            var hashes = _full.TryGetValue((level, index), out var full) ? full : _edge[level];
            var bytes = new byte[hashes.Count * Hash.Size];
            for (var i = 0; i < hashes.Count; i++)
            {
                hashes[i].CopyTo(bytes.AsSpan(i * Hash.Size));
            }

            result.Add((TileId.Hash(level, index, hashes.Count), bytes));
        }

        _changed.Clear();
        _full.Clear();
        return result;
    }

    public Hash Root() => MerkleMath.Root(this, Size);

    /// <summary>Hashes on the right edge only: what <see cref="MerkleMath.Root"/> asks for at the current size.</summary>
    public Hash GetStoredHash(int level, ulong index)
    {
        var tileLevel = level / TileId.Height;
        var below = level % TileId.Height;
        var first = index << below;
        var count = TileLayout.HashCount(tileLevel, Size);
        var tileStart = count - (count % TileId.FullWidth);
        if (first < tileStart || first + (1UL << below) > count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"level {level} index {index} is not on the right edge of a tree of {Size}");
        }

        return Fold(_edge[tileLevel], (int)(first - tileStart), 1 << below);
    }

    static Hash Fold(List<Hash> tile, int position, int count)
    {
        if (count == 1)
        {
            return tile[position];
        }

        var half = count / 2;
        return Rfc6962.HashChildren(Fold(tile, position, half), Fold(tile, position + half, half));
    }
}
