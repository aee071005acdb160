using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;

namespace OutcomeLedger.Core.Tests.Transparency.Merkle;

public class MerkleTreeTests
{
    // The classic CT inputs and roots, as published with transparency-dev/merkle (signed-note-vectors.json rfc6962_tree).
    static readonly string[] LeafInputs = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
    static readonly string[] Roots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    [Fact]
    public void Root_ClassicCtInputs_MatchesPublishedRoots()
    {
        var tree = new MerkleTree();
        for (var i = 0; i < LeafInputs.Length; i++)
        {
            tree.Append(Convert.FromHexString(LeafInputs[i]));
            Assert.Equal(Roots[i], tree.Root().ToHex());
        }

        for (var size = 1; size <= LeafInputs.Length; size++)
        {
            Assert.Equal(Roots[size - 1], tree.RootAt((ulong)size).ToHex());
        }
    }

    [Fact]
    public void Root_EmptyTree_IsSha256OfNothing() => Assert.Equal(Rfc6962.EmptyRoot, new MerkleTree().Root());

    [Fact]
    public void RootAt_EverySize_EqualsTheRfcDefinition()
    {
        var tree = RandomTrees.Build(new Random(11), 300);
        var leaves = Enumerable.Range(0, 300).Select(i => tree.LeafHash((ulong)i)).ToArray();
        for (var size = 0; size <= 300; size++)
        {
            Assert.Equal(RandomTrees.ReferenceRoot(leaves, 0, size), tree.RootAt((ulong)size));
        }
    }

    [Fact]
    public void Proofs_EveryIndexAndSizePair_Verify()
    {
        var tree = RandomTrees.Build(new Random(5), 70);
        for (ulong size = 1; size <= 70; size++)
        {
            var root = tree.RootAt(size);
            for (ulong index = 0; index < size; index++)
            {
                var proof = tree.InclusionProof(index, size);
                Assert.Equal(InclusionProof.ProofLength(index, size), proof.Length);
                Assert.True(InclusionProof.Verify(index, size, tree.LeafHash(index), proof, root).IsValid, $"inclusion {index} in {size}");
            }

            for (ulong size1 = 0; size1 <= size; size1++)
            {
                var proof = tree.ConsistencyProof(size1, size);
                Assert.True(ConsistencyProof.Verify(size1, size, proof, tree.RootAt(size1), root).IsValid, $"consistency {size1} to {size}");
            }
        }
    }

    [Fact]
    public void Proofs_PublishedHappyPaths_AreWhatWeProduce()
    {
        // The happy-path vectors come from the classic 8-leaf tree: our proofs for the same positions must be identical.
        var tree = new MerkleTree();
        foreach (var leaf in LeafInputs)
        {
            tree.Append(Convert.FromHexString(leaf));
        }

        foreach (var vector in MerkleVectors.Inclusion().Select(row => row.Data).Where(v => v.File.EndsWith("happy-path.json", StringComparison.Ordinal)))
        {
            Assert.Equal(vector.Proof, tree.InclusionProof(vector.Index, vector.TreeSize));
        }

        foreach (var vector in MerkleVectors.Consistency().Select(row => row.Data).Where(v => v.File.EndsWith("happy-path.json", StringComparison.Ordinal)))
        {
            Assert.Equal(vector.Proof, tree.ConsistencyProof(vector.Size1, vector.Size2));
        }
    }

    [Fact]
    public void AppendMany_InRandomChunks_StoresWhatSingleAppendsStore()
    {
        var sha256 = PlatformBatchSha256.Instance;
        var random = new Random(1234);
        var leaves = Enumerable.Range(0, 3000).Select(_ =>
        {
            var leaf = new byte[random.Next(0, 300)];
            random.NextBytes(leaf);
            return leaf;
        }).ToArray();
        var single = new MerkleTree();
        foreach (var leaf in leaves)
        {
            single.Append(leaf);
        }

        var bulk = new MerkleTree(sha256);
        for (var start = 0; start < leaves.Length;)
        {
            var count = Math.Min(leaves.Length - start, random.Next(0, 4) == 0 ? random.Next(0, 5) : random.Next(0, 700));
            Assert.Equal((ulong)start, bulk.AppendMany([.. leaves.Skip(start).Take(count).Select(l => (ReadOnlyMemory<byte>)l)]));
            start += count;
            Assert.Equal(single.RootAt((ulong)start), bulk.Root());
        }

        // A tree of n leaves stores the floor(n / 2^level) complete subtrees of each level.
        for (var level = 0; single.Size >> level > 0; level++)
        {
            for (ulong i = 0; i < single.Size >> level; i++)
            {
                Assert.Equal(single.GetStoredHash(level, i), bulk.GetStoredHash(level, i));
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => bulk.GetStoredHash(level, single.Size >> level));
        }
    }

    [Fact]
    public void AppendLeafHashes_PublishedLeaves_GivesPublishedRoots()
    {
        var tree = new MerkleTree(PlatformBatchSha256.Instance);
        var hashes = LeafInputs.Select(l => Rfc6962.HashLeaf(Convert.FromHexString(l))).ToArray();
        tree.AppendLeafHashes(hashes);
        for (var size = 1; size <= LeafInputs.Length; size++)
        {
            Assert.Equal(Roots[size - 1], tree.RootAt((ulong)size).ToHex());
        }
    }
}
