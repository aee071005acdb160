using OutcomeLedger.Core.Transparency;

namespace OutcomeLedger.Core.Tests.Transparency;

public class InclusionProofTests
{
    [Theory]
    [MemberData(nameof(MerkleVectors.Inclusion), MemberType = typeof(MerkleVectors))]
    public void Verify_PublishedVector_MatchesExpectedOutcome(MerkleVectors.InclusionVector vector)
    {
        if (!vector.Representable)
        {
            // A hash that is not 32 bytes cannot be given to the typed API: it is an error before any check.
            Assert.True(vector.WantErr, $"{vector.File} expects success with a malformed hash");
            return;
        }

        var check = InclusionProof.Verify(vector.Index, vector.TreeSize, vector.Leaf!.Value, vector.Proof!, vector.RootHash!.Value);
        Assert.Equal(!vector.WantErr, check.IsValid);
    }

    [Fact]
    public void Verify_Vectors_AreLoaded() => Assert.True(MerkleVectors.Inclusion().Count >= 98);

    [Fact]
    public void Verify_WrongRoot_NamesExpectedAndComputed()
    {
        var tree = RandomTrees.Build(new Random(7), 13);
        var proof = tree.InclusionProof(5, 13);
        var wrong = Rfc6962.HashLeaf([1, 2, 3]);

        var check = InclusionProof.Verify(5, 13, tree.LeafHash(5), proof, wrong);

        Assert.Equal(ProofFailure.RootMismatch, check.Failure);
        Assert.Equal(wrong, check.Expected);
        Assert.Equal(tree.Root(), check.Computed);
    }
}
