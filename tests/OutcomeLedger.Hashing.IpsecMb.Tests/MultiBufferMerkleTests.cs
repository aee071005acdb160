using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;

namespace OutcomeLedger.Hashing.IpsecMb.Tests;

/// <summary>
/// The log's batch hashing gives the same trees and proof checks with intel-ipsec-mb's SHA-256 as with .NET's, which
/// Core's own tests hold to single appends, single proof checks and the published vectors.
/// </summary>
public sealed class MultiBufferMerkleTests
{
    static byte[][] Leaves(int seed, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var leaf = new byte[random.Next(0, 300)];
            random.NextBytes(leaf);
            return leaf;
        })];
    }

    [Fact]
    public void AppendMany_InRandomChunks_StoresWhatThePlatformSha256Stores()
    {
        var leaves = Leaves(1234, 3000);
        var platform = new MerkleTree(PlatformBatchSha256.Instance);
        platform.AppendMany([.. leaves.Select(l => (ReadOnlyMemory<byte>)l)]);
        var random = new Random(5678);
        var bulk = new MerkleTree(MultiBuffer.Sha256);
        for (var start = 0; start < leaves.Length;)
        {
            var count = Math.Min(leaves.Length - start, random.Next(0, 4) == 0 ? random.Next(0, 5) : random.Next(0, 700));
            Assert.Equal((ulong)start, bulk.AppendMany([.. leaves.Skip(start).Take(count).Select(l => (ReadOnlyMemory<byte>)l)]));
            start += count;
            Assert.Equal(platform.RootAt((ulong)start), bulk.Root());
        }

        // A tree of n leaves stores the floor(n / 2^level) complete subtrees of each level.
        for (var level = 0; platform.Size >> level > 0; level++)
        {
            for (ulong i = 0; i < platform.Size >> level; i++)
            {
                Assert.Equal(platform.GetStoredHash(level, i), bulk.GetStoredHash(level, i));
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => bulk.GetStoredHash(level, platform.Size >> level));
        }
    }

    [Fact]
    public void VerifyMany_ValidAndTamperedClaims_SameChecksAsThePlatformSha256()
    {
        var tree = new MerkleTree();
        tree.AppendMany([.. Leaves(9162, 1500).Select(l => (ReadOnlyMemory<byte>)l)]);
        var random = new Random(6962);
        var claims = new List<InclusionClaim>();
        for (var trial = 0; trial < 300; trial++)
        {
            var size = (ulong)random.Next(1, (int)tree.Size + 1);
            var index = (ulong)random.NextInt64(0, (long)size);
            var claim = new InclusionClaim(index, size, tree.LeafHash(index), tree.InclusionProof(index, size), tree.RootAt(size));
            claims.Add(claim);
            claims.Add(claim with { LeafHash = tree.LeafHash((index + 1) % tree.Size) });
            claims.Add(claim with { Root = tree.RootAt(size == tree.Size ? 1 : size + 1) });
            claims.Add(claim with { Proof = claim.Proof.Count == 0 ? [claim.Root] : claim.Proof.ToArray()[..^1] });
        }

        var expected = InclusionProof.VerifyMany(claims, PlatformBatchSha256.Instance);
        Assert.Contains(expected, c => c.IsValid);
        Assert.Contains(expected, c => !c.IsValid);
        Assert.Equal(expected, InclusionProof.VerifyMany(claims, MultiBuffer.Sha256));
    }
}
