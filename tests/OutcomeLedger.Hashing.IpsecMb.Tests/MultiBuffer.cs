using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Hashing.IpsecMb.Tests;

/// <summary>intel-ipsec-mb's SHA-256 for a test, which skips where the library is absent.</summary>
internal static class MultiBuffer
{
    public static IBatchSha256 Sha256
    {
        get
        {
            var hasher = Sha256Choice.MultiBuffer(out var reason);
            Assert.SkipWhen(hasher is null, $"{reason}; CI installs libipsec-mb1");
            return hasher!;
        }
    }
}
