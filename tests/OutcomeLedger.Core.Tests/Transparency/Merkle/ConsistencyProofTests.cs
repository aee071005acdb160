using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;

namespace OutcomeLedger.Core.Tests.Transparency.Merkle;

public class ConsistencyProofTests
{
    // transparency-dev/merkle accepts equal sizes with equal 12-byte "don't care" roots; our typed API cannot take
    // a root that is not 32 bytes, so it refuses that input before any check (see TestData/PROVENANCE.md).
    const string MalformedEqualRoots = "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json";

    [Theory]
    [MemberData(nameof(MerkleVectors.Consistency), MemberType = typeof(MerkleVectors))]
    public void Verify_PublishedVector_MatchesExpectedOutcome(MerkleVectors.ConsistencyVector vector)
    {
        if (!vector.Representable)
        {
            Assert.True(vector.WantErr || vector.File == MalformedEqualRoots, $"{vector.File} expects success with a malformed hash");
            return;
        }

        var check = ConsistencyProof.Verify(vector.Size1, vector.Size2, vector.Proof!, vector.Root1!.Value, vector.Root2!.Value);
        Assert.Equal(!vector.WantErr, check.IsValid);
    }

    [Fact]
    public void Verify_Vectors_AreLoaded() => Assert.True(MerkleVectors.Consistency().Count >= 98);

    [Fact]
    public void Verify_FromEmptyTree_AcceptsOnlyTheEmptyRootAndAnEmptyProof()
    {
        var tree = RandomTrees.Build(new Random(3), 9);

        Assert.True(ConsistencyProof.Verify(0, 9, [], Rfc6962.EmptyRoot, tree.Root()).IsValid);
        Assert.False(ConsistencyProof.Verify(0, 9, [], tree.LeafHash(0), tree.Root()).IsValid);
        Assert.False(ConsistencyProof.Verify(0, 9, [tree.LeafHash(0)], Rfc6962.EmptyRoot, tree.Root()).IsValid);
    }
}
