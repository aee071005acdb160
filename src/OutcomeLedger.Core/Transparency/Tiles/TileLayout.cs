namespace OutcomeLedger.Core.Transparency.Tiles;

/// <summary>Which tiles make up a log of a given size.</summary>
// c2sp.org/tlog-tiles: full tiles, plus at most one partial tile per level on the right.
public static class TileLayout
{
    /// <summary>The number of hashes stored at tile level <paramref name="level"/> (tree level 8·L) for a tree of <paramref name="treeSize"/>.</summary>
    public static ulong HashCount(int level, ulong treeSize) => level * TileId.Height >= 64 ? 0 : treeSize >> (level * TileId.Height);

    /// <summary>Every hash tile of a tree of <paramref name="treeSize"/> leaves, level by level, left to right.</summary>
    public static IEnumerable<TileId> HashTiles(ulong treeSize)
    {
        for (var level = 0; level <= TileId.MaxLevel; level++)
        {
            var count = HashCount(level, treeSize);
            if (count == 0)
            {
                yield break;
            }

            foreach (var tile in TilesOf(count, index => TileId.Hash(level, index), (index, width) => TileId.Hash(level, index, width)))
            {
                yield return tile;
            }
        }
    }

    /// <summary>Every entry bundle of a tree of <paramref name="treeSize"/> leaves.</summary>
    public static IEnumerable<TileId> EntryBundles(ulong treeSize) =>
        TilesOf(treeSize, index => TileId.Entries(index), TileId.Entries);

    /// <summary>The tile (full, or partial for this size) that holds hash <paramref name="index"/> of tile level <paramref name="level"/>.</summary>
    public static TileId HashTileFor(int level, ulong index, ulong treeSize)
    {
        var count = HashCount(level, treeSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        var tileIndex = index / TileId.FullWidth;
        return TileId.Hash(level, tileIndex, WidthOf(tileIndex, count));
    }

    /// <summary>The entry bundle (full, or partial for this size) that holds entry <paramref name="index"/>.</summary>
    public static TileId EntryBundleFor(ulong index, ulong treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, treeSize);
        var tileIndex = index / TileId.FullWidth;
        return TileId.Entries(tileIndex, WidthOf(tileIndex, treeSize));
    }

    static int WidthOf(ulong tileIndex, ulong count) =>
        (int)Math.Min((ulong)TileId.FullWidth, count - (tileIndex * TileId.FullWidth));

    static IEnumerable<TileId> TilesOf(ulong count, Func<ulong, TileId> full, Func<ulong, int, TileId> partial)
    {
        var fullTiles = count / TileId.FullWidth;
        for (ulong index = 0; index < fullTiles; index++)
        {
            yield return full(index);
        }

        var rest = (int)(count % TileId.FullWidth);
        if (rest > 0)
        {
            yield return partial(fullTiles, rest);
        }
    }
}
