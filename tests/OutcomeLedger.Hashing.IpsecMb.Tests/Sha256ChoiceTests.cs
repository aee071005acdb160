using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Hashing.IpsecMb.Tests;

public sealed class Sha256ChoiceTests
{
    [Theory]
    [InlineData("dotnet")]
    [InlineData("DotNet")]
    public void For_Dotnet_IsThePlatformSha256AndSaysWhy(string setting)
    {
        var choice = Sha256Choice.For(setting);
        Assert.Same(PlatformBatchSha256.Instance, choice.Hasher);
        Assert.Equal($"{PlatformBatchSha256.Instance.Description}; OUTCOMES_SHA256=dotnet", choice.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("auto")]
    public void For_Automatic_IsTheMultiBufferOneWhenItLoadsElseThePlatformOneWithTheReason(string? setting)
    {
        var choice = Sha256Choice.For(setting);
        var deferred = Assert.IsType<DeferredMultiBuffer>(choice.Hasher);
        if (Sha256Choice.MultiBuffer(out var reason) is { } fast)
        {
            Assert.Equal(fast.Description, choice.Description);
            Assert.Same(fast, deferred.Choice);
        }
        else
        {
            Assert.Equal($"{PlatformBatchSha256.Instance.Description}; multi-buffer SHA-256 unavailable: {reason}", choice.Description);
            Assert.Same(PlatformBatchSha256.Instance, deferred.Choice);
        }
    }

    [Fact]
    public void For_UnknownSetting_IsAutomaticAndSaysSo()
    {
        var choice = Sha256Choice.For("openssl");
        Assert.IsType<DeferredMultiBuffer>(choice.Hasher);
        Assert.EndsWith("(OUTCOMES_SHA256=openssl is neither dotnet nor auto: taken as auto)", choice.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiBuffer_AskedTwice_LoadsOnce()
    {
        var first = Sha256Choice.MultiBuffer(out var firstReason);
        var second = Sha256Choice.MultiBuffer(out var secondReason);
        Assert.Same(first, second);
        Assert.Equal(firstReason, secondReason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(DeferredMultiBuffer.LoadAt - 1)]
    [InlineData(DeferredMultiBuffer.LoadAt)]
    [InlineData(DeferredMultiBuffer.LoadAt + 17)]
    public void The_automatic_choice_is_made_on_the_first_large_batch_and_hashes_the_same_either_way(int count)
    {
        var deferred = new DeferredMultiBuffer("");
        var messages = new byte[count * 40];
        new Random(count).NextBytes(messages);
        var lengths = Enumerable.Range(0, count).Select(i => i % 2 == 0 ? 40 : 33).ToArray();
        var packed = messages.AsSpan(0, lengths.Sum()).ToArray();
        var digests = new byte[count * 32];
        var fixedDigests = new byte[count * 32];

        deferred.HashMany(packed, lengths, digests);
        Assert.Equal(count >= DeferredMultiBuffer.LoadAt, deferred.Chosen);
        deferred.HashMany(messages, 40, fixedDigests);

        var expected = new byte[count * 32];
        PlatformBatchSha256.Instance.HashMany(packed, lengths, expected);
        Assert.Equal(expected, digests);
        PlatformBatchSha256.Instance.HashMany(messages, 40, expected);
        Assert.Equal(expected, fixedDigests);
    }

    [Fact]
    public void Asking_for_the_description_makes_the_choice()
    {
        var deferred = new DeferredMultiBuffer("");
        Assert.False(deferred.Chosen);
        Assert.NotEmpty(deferred.Description);
        Assert.True(deferred.Chosen);
    }
}
