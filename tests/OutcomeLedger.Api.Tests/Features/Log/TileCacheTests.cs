using OutcomeLedger.Api.Features.Log;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Api.Tests.Features.Log;

public sealed class TileCacheTests
{
    [Fact]
    public void Add_ThenTryGet_ReturnsTheSameFile()
    {
        var cache = new TileCache(1024);
        var file = new ServedFile(new byte[100]);
        cache.Add("0/000", file);
        Assert.True(cache.TryGet("0/000", out var found));
        Assert.Same(file, found);
        Assert.False(cache.TryGet("0/001", out _));
        Assert.Equal(100, cache.Bytes);
    }

    [Fact]
    public void Add_PastTheBound_DropsOthersAndKeepsTheNewOne()
    {
        var cache = new TileCache(250);
        for (var i = 0; i < 10; i++)
        {
            cache.Add($"0/{i:000}", new ServedFile(new byte[100]));
            Assert.True(cache.TryGet($"0/{i:000}", out _));
            Assert.True(cache.Bytes <= 250, $"{cache.Bytes} bytes held after {i + 1} adds");
        }

        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Add_LargerThanTheBound_IsNotKept()
    {
        var cache = new TileCache(50);
        cache.Add("entries/000", new ServedFile(new byte[51]));
        Assert.False(cache.TryGet("entries/000", out _));
        Assert.Equal(0, cache.Bytes);
    }

    [Theory]
    [InlineData(0, 0ul, false, "0/000")]
    [InlineData(2, 1234ul, false, "2/x001/234")]
    [InlineData(0, 5ul, true, "entries/005")]
    public void KeyOf_AFullTile_IsItsPathBelowTile(int level, ulong index, bool entries, string key) =>
        Assert.Equal(key, TileCache.KeyOf(entries ? TileId.Entries(index) : TileId.Hash(level, index)));

    [Fact]
    public void Add_SamePathTwice_CountsItsBytesOnce()
    {
        var cache = new TileCache(1024);
        cache.Add("0/000", new ServedFile(new byte[100]));
        cache.Add("0/000", new ServedFile(new byte[100]));
        Assert.Equal(100, cache.Bytes);
        Assert.Equal(1, cache.Count);
    }
}
