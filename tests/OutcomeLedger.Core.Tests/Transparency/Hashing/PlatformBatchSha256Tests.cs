using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Tests.Transparency.Hashing;

/// <summary>.NET's SHA-256 meets the batch contract.</summary>
public sealed class PlatformBatchSha256Tests : BatchSha256Contract
{
    protected override IBatchSha256 Sha256 => PlatformBatchSha256.Instance;
}
