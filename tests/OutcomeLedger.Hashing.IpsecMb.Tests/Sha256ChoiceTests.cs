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
        if (Sha256Choice.MultiBuffer(out var reason) is { } fast)
        {
            Assert.Same(fast, choice.Hasher);
            Assert.Equal(fast.Description, choice.Description);
        }
        else
        {
            Assert.Same(PlatformBatchSha256.Instance, choice.Hasher);
            Assert.Equal($"{PlatformBatchSha256.Instance.Description}; multi-buffer SHA-256 unavailable: {reason}", choice.Description);
        }
    }

    [Fact]
    public void For_UnknownSetting_IsAutomaticAndSaysSo()
    {
        var choice = Sha256Choice.For("openssl");
        Assert.Same(Sha256Choice.For(null).Hasher, choice.Hasher);
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
}
