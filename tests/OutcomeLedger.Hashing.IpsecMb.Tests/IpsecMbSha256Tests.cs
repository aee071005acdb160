using OutcomeLedger.Core.Tests.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Hashing.IpsecMb.Tests;

/// <summary>intel-ipsec-mb's multi-buffer SHA-256 meets the batch contract .NET's meets.</summary>
public sealed class IpsecMbSha256Tests : BatchSha256Contract
{
    protected override IBatchSha256 Sha256 => MultiBuffer.Sha256;

    [Fact]
    public void Description_NamesTheLibraryAndItsLanes()
    {
        Assert.StartsWith("intel-ipsec-mb ", MultiBuffer.Sha256.Description, StringComparison.Ordinal);
        Assert.Contains(" lanes)", MultiBuffer.Sha256.Description, StringComparison.Ordinal);
    }
}
