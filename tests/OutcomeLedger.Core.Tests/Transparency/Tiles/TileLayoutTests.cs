using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Tests.Transparency.Tiles;

public class TileLayoutTests
{
    // c2sp.org/tlog-tiles, "Partial Tiles": a tree of 70,000 leaves.
    [Fact]
    public void HashTiles_SpecExample70000_MatchesTheSpec()
    {
        var tiles = TileLayout.HashTiles(70000).ToList();

        Assert.Equal(273, tiles.Count(t => t.Level == 0 && !t.IsPartial));
        Assert.Equal(112, tiles.Single(t => t.Level == 0 && t.IsPartial).Width);
        Assert.Equal(1, tiles.Count(t => t.Level == 1 && !t.IsPartial));
        Assert.Equal(17, tiles.Single(t => t.Level == 1 && t.IsPartial).Width);
        Assert.Equal(1, tiles.Single(t => t.Level == 2).Width);
        Assert.DoesNotContain(tiles, t => t.Level > 2);
    }

    [Theory]
    [InlineData(0UL, 0)]
    [InlineData(1UL, 1)]
    [InlineData(256UL, 2)]
    [InlineData(257UL, 3)]
    public void HashTiles_SmallSizes_HaveTheExpectedCount(ulong size, int count) =>
        Assert.Equal(count, TileLayout.HashTiles(size).Count());

    [Fact]
    public void EntryBundles_CoverEveryEntryOnce()
    {
        var bundles = TileLayout.EntryBundles(70000).ToList();

        Assert.Equal(70000, bundles.Sum(b => b.Width));
        Assert.All(bundles, b => Assert.True(b.IsEntries));
        Assert.Equal(TileId.Entries(273, 112), bundles[^1]);
        Assert.Equal(TileId.Entries(273, 112), TileLayout.EntryBundleFor(69999, 70000));
    }
}
