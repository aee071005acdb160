using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Tests.Transparency.Tiles;

public class TileIdTests
{
    // c2sp.org/tlog-tiles examples (signed-note-vectors.json tile_paths) and the partial form.
    [Theory]
    [InlineData(0, 1234067UL, 256, false, "tile/0/x001/x234/067")]
    [InlineData(0, 0UL, 256, false, "tile/0/000")]
    [InlineData(1, 999UL, 256, false, "tile/1/999")]
    [InlineData(2, 1000UL, 256, false, "tile/2/x001/000")]
    [InlineData(0, 273UL, 112, false, "tile/0/273.p/112")]
    [InlineData(0, 5UL, 256, true, "tile/entries/005")]
    [InlineData(0, 1234067UL, 7, true, "tile/entries/x001/x234/067.p/7")]
    [InlineData(63, ulong.MaxValue / 256, 1, false, "tile/63/x072/x057/x594/x037/x927/935.p/1")]
    public void Path_FormatsAndParsesBack(int level, ulong index, int width, bool entries, string path)
    {
        var tile = new TileId(level, index, width, entries);

        Assert.Equal(path, tile.Path);
        Assert.True(TileId.TryParse(path, out var parsed, out var error), error);
        Assert.Equal(tile, parsed);
    }

    [Theory]
    [InlineData("tile/0/1")]
    [InlineData("tile/0/0000")]
    [InlineData("tile/0/x000/001")]
    [InlineData("tile/00/001")]
    [InlineData("tile/64/001")]
    [InlineData("tile/0/001.p/0")]
    [InlineData("tile/0/001.p/256")]
    [InlineData("tile/0/001.p/07")]
    [InlineData("tile/0/001/")]
    [InlineData("tile/0/x1/001")]
    [InlineData("tile/-1/001")]
    [InlineData("tile/0/x999/x999/x999/x999/x999/x999/x999/000")]
    [InlineData("tiles/0/001")]
    [InlineData("tile/data/001")]
    [InlineData("")]
    public void TryParse_NonCanonicalOrInvalid_IsRefusedWithAReason(string path)
    {
        Assert.False(TileId.TryParse(path, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
