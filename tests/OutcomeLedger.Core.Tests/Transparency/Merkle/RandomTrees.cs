using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;

namespace OutcomeLedger.Core.Tests.Transparency.Merkle;

internal static class RandomTrees
{
    public static MerkleTree Build(Random random, int size)
    {
        var tree = new MerkleTree();
        for (var i = 0; i < size; i++)
        {
            var leaf = new byte[random.Next(0, 40)];
            random.NextBytes(leaf);
            tree.Append(leaf);
        }

        return tree;
    }

    /// <summary>The RFC 9162 §2.1.1 definition, computed directly from the leaves: the reference for the tree.</summary>
    public static Hash ReferenceRoot(IReadOnlyList<Hash> leaves, int start, int count)
    {
        if (count == 0)
        {
            return Rfc6962.EmptyRoot;
        }

        if (count == 1)
        {
            return leaves[start];
        }

        var k = (int)MerkleMath.SplitPoint((ulong)count);
        return Rfc6962.HashChildren(ReferenceRoot(leaves, start, k), ReferenceRoot(leaves, start + k, count - k));
    }
}
