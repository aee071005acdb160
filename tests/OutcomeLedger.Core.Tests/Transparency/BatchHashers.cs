using OutcomeLedger.Core.Transparency;

namespace OutcomeLedger.Core.Tests.Transparency;

/// <summary>The two batch SHA-256 implementations, by name, for theories; the native one skips where it is absent.</summary>
internal static class BatchHashers
{
    public const string Platform = "platform";
    public const string MultiBuffer = "intel-ipsec-mb";

    public static TheoryData<string> Names => [Platform, MultiBuffer];

    public static IBatchSha256 Get(string name)
    {
        if (name == Platform)
        {
            return BatchSha256.Platform;
        }

        var multiBuffer = BatchSha256.MultiBuffer;
        Assert.SkipWhen(multiBuffer is null, $"{BatchSha256.MultiBufferUnavailableReason}; CI installs libipsec-mb1");
        return multiBuffer!;
    }
}
