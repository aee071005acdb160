using System.Numerics;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Transparency.Merkle;

/// <summary>Verification of RFC 9162 consistency proofs.</summary>
public static class ConsistencyProof
{
    /// <summary>
    /// Checks that the tree of <paramref name="size1"/> leaves with <paramref name="root1"/> is a prefix of the tree of
    /// <paramref name="size2"/> leaves with <paramref name="root2"/>. Equal sizes need an empty proof and equal roots;
    /// size 0 is a prefix of everything (the C2SP witness protocol accepts it with an empty proof).
    /// </summary>
    // RFC 9162 §2.1.4.2
    public static ProofCheck Verify(ulong size1, ulong size2, IReadOnlyList<Hash> proof, Hash root1, Hash root2)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (size1 > size2)
        {
            return ProofCheck.BadArguments($"size {size1} is larger than size {size2}");
        }

        if (size1 == size2)
        {
            if (proof.Count != 0)
            {
                return ProofCheck.WrongLength(0, proof.Count);
            }

            return root1 == root2 ? ProofCheck.Valid : ProofCheck.RootMismatch("root", root1, root2);
        }

        if (size1 == 0)
        {
            if (proof.Count != 0)
            {
                return ProofCheck.WrongLength(0, proof.Count);
            }

            return root1 == Rfc6962.EmptyRoot ? ProofCheck.Valid : ProofCheck.RootMismatch("empty tree root", Rfc6962.EmptyRoot, root1);
        }

        var expectedLength = ProofLength(size1, size2);
        if (proof.Count != expectedLength)
        {
            return ProofCheck.WrongLength(expectedLength, proof.Count);
        }

        // When size1 is a power of two its root is itself the first node of the path.
        var path = proof;
        if (BitOperations.IsPow2(size1))
        {
            var withRoot = new Hash[proof.Count + 1];
            withRoot[0] = root1;
            for (var i = 0; i < proof.Count; i++)
            {
                withRoot[i + 1] = proof[i];
            }

            path = withRoot;
        }

        ulong fn = size1 - 1, sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        Hash fr = path[0], sr = path[0];
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0)
            {
                return ProofCheck.WrongLength(expectedLength, proof.Count);
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = Rfc6962.HashChildren(c, fr);
                sr = Rfc6962.HashChildren(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = Rfc6962.HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (fr != root1)
        {
            return ProofCheck.RootMismatch("first root", root1, fr);
        }

        return sr == root2 ? ProofCheck.Valid : ProofCheck.RootMismatch("second root", root2, sr);
    }

    /// <summary>The number of hashes in the consistency proof from <paramref name="size1"/> to <paramref name="size2"/> (0 &lt; size1 &lt; size2).</summary>
    public static int ProofLength(ulong size1, ulong size2)
    {
        ArgumentOutOfRangeException.ThrowIfZero(size1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(size1, size2);
        // As transparency-dev/merkle's decomposition: the inner path below where the two last leaves diverge, less
        // the levels where size1's tree is complete, plus the border hashes above, plus the seed node.
        var level = BitOperations.TrailingZeroCount(size1);
        var index = (size1 - 1) >> level;
        var size = ((size2 - 1) >> level) + 1;
        var inner = 64 - BitOperations.LeadingZeroCount(index ^ (size - 1));
        var border = BitOperations.PopCount(index >> inner);
        var seed = index == 0 ? 0 : 1;
        return inner + border + seed;
    }
}
