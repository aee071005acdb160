using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;

namespace OutcomeLedger.Core.Tests.Transparency.Merkle;

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

    static Hash FlipBit(Hash hash, int bit)
    {
        var bytes = hash.ToArray();
        bytes[bit / 8] ^= (byte)(1 << (bit % 8));
        return Hash.FromBytes(bytes);
    }

    [Fact]
    public void VerifyMany_ValidAndTamperedClaims_SameOutcomesAsVerify()
    {
        var sha256 = PlatformBatchSha256.Instance;
        var random = new Random(9162);
        var tree = RandomTrees.Build(random, 1500);
        var claims = new List<InclusionClaim>();
        var genuine = new List<int>();
        var bitFlipped = new List<int>();
        for (var trial = 0; trial < 400; trial++)
        {
            var size = (ulong)random.Next(1, (int)tree.Size + 1);
            var index = (ulong)random.NextInt64(0, (long)size);
            var claim = new InclusionClaim(index, size, tree.LeafHash(index), tree.InclusionProof(index, size), tree.RootAt(size));
            genuine.Add(claims.Count);
            claims.Add(claim);
            var proof = claim.Proof.ToArray();
            var bit = random.Next(256);
            bitFlipped.Add(claims.Count);
            claims.Add(claim with { LeafHash = FlipBit(claim.LeafHash, bit) });
            bitFlipped.Add(claims.Count);
            claims.Add(claim with { Root = FlipBit(claim.Root, bit) });
            if (proof.Length > 0)
            {
                var tampered = (Hash[])proof.Clone();
                var at = random.Next(proof.Length);
                tampered[at] = FlipBit(tampered[at], bit);
                bitFlipped.Add(claims.Count);
                claims.Add(claim with { Proof = tampered });
                claims.Add(claim with { Proof = proof[..^1] });
            }

            claims.Add(claim with { Proof = [.. proof, claim.Root] });
            claims.Add(claim with { Index = index ^ (1UL << random.Next(0, 11)) });
            claims.Add(claim with { TreeSize = size ^ (1UL << random.Next(0, 11)) });
            claims.Add(claim with { Index = size });
        }

        var checks = InclusionProof.VerifyMany(claims, sha256);

        Assert.Equal(claims.Count, checks.Length);
        for (var i = 0; i < claims.Count; i++)
        {
            var c = claims[i];
            Assert.Equal(InclusionProof.Verify(c.Index, c.TreeSize, c.LeafHash, c.Proof, c.Root), checks[i]);
        }

        Assert.All(genuine, i => Assert.True(checks[i].IsValid));
        Assert.All(bitFlipped, i => Assert.Equal(ProofFailure.RootMismatch, checks[i].Failure));
    }

    [Fact]
    public void VerifyMany_NoClaims_ReturnsNoChecks() => Assert.Empty(InclusionProof.VerifyMany([]));
}
