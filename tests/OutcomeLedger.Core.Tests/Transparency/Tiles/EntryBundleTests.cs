using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Tests.Transparency.Tiles;

public class EntryBundleTests
{
    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        ReadOnlyMemory<byte>[] entries = [new byte[] { 1, 2, 3 }, Array.Empty<byte>(), new byte[300]];

        var bundle = EntryBundle.Encode(entries);

        Assert.Equal(new byte[] { 0, 3, 1, 2, 3, 0, 0, 1, 44 }, bundle[..9]);
        Assert.True(EntryBundle.TryDecode(bundle, 3, out var decoded, out var error), error);
        Assert.Equal(entries.Select(e => e.ToArray()), decoded.Select(e => e.ToArray()));
    }

    [Fact]
    public void Encode_EntryOver65535Bytes_IsRefusedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => EntryBundle.Encode([new byte[10], new byte[65536]]));

        Assert.Contains("entry 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("65536", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_EntryOf65535Bytes_IsAccepted() =>
        Assert.Equal(65537, EntryBundle.Encode([new byte[65535]]).Length);

    [Theory]
    [InlineData(new byte[] { 0 }, 1, "length prefix")]
    [InlineData(new byte[] { 0, 5, 1 }, 1, "declares 5 bytes")]
    [InlineData(new byte[] { 0, 0, 0, 0 }, 1, "follow")]
    [InlineData(new byte[] { 0, 0 }, 2, "holds 1 entries")]
    [InlineData(new byte[] { }, 1, "holds 0 entries")]
    public void TryDecode_Malformed_SaysWhatIsWrong(byte[] bundle, int expected, string reason)
    {
        Assert.False(EntryBundle.TryDecode(bundle, expected, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
