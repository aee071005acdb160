using System.Text;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Tests.Transparency.Hashing;

public class Rfc6962Tests
{
    [Fact]
    public void EmptyRoot_IsSha256OfEmptyString() =>
        Assert.Equal(Rfc6962.Sha256Of([]), Rfc6962.EmptyRoot);

    // RFC 6962 test values as used by transparency-dev/merkle rfc6962_test.go.
    [Fact]
    public void HashLeaf_EmptyLeaf_MatchesKnownValue() =>
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Rfc6962.HashLeaf([]).ToHex());

    [Fact]
    public void HashLeaf_L123456_MatchesKnownValue() =>
        Assert.Equal("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56", Rfc6962.HashLeaf(Encoding.ASCII.GetBytes("L123456")).ToHex());
}
