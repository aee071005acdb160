using System.Numerics;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Transparency.Merkle;

/// <summary>The tree computations of RFC 9162 §2.1, written over stored complete-subtree hashes.</summary>
public static class MerkleMath
{
    /// <summary>The largest power of two strictly less than <paramref name="n"/> (n ≥ 2): RFC 9162's k.</summary>
    public static ulong SplitPoint(ulong n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2UL);
        return 1UL << (63 - BitOperations.LeadingZeroCount(n - 1));
    }

    /// <summary>The root of the tree of the first <paramref name="size"/> leaves (RFC 9162 §2.1.1 MTH).</summary>
    public static Hash Root(IMerkleHashes hashes, ulong size)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        return size == 0 ? Rfc6962.EmptyRoot : SubtreeHash(hashes, 0, size);
    }

    /// <summary>
    /// MTH(D[start:start+count]) for a range RFC 9162's recursion produces: <paramref name="start"/> is a multiple of
    /// the largest power of two not above <paramref name="count"/>. Complete aligned ranges are read, not recomputed.
    /// </summary>
    public static Hash SubtreeHash(IMerkleHashes hashes, ulong start, ulong count)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        if (BitOperations.IsPow2(count) && start % count == 0)
        {
            return hashes.GetStoredHash(BitOperations.TrailingZeroCount(count), start / count);
        }

        // Fold the complete subtrees of the range from the right, as the recursion would.
        var level = 63 - BitOperations.LeadingZeroCount(count);
        var left = 1UL << level;
        return Rfc6962.HashChildren(
            hashes.GetStoredHash(level, start >> level),
            SubtreeHash(hashes, start + left, count - left));
    }

    /// <summary>The inclusion proof of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves (RFC 9162 §2.1.3.1).</summary>
    public static Hash[] InclusionProof(IMerkleHashes hashes, ulong index, ulong size)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var proof = new List<Hash>(64);
        Path(hashes, index, 0, size, proof);
        return [.. proof];
    }

    // PATH(m, D[start:start+n]); hashes are appended leaf-side first.
    static void Path(IMerkleHashes hashes, ulong m, ulong start, ulong n, List<Hash> proof)
    {
        if (n == 1)
        {
            return;
        }

        var k = SplitPoint(n);
        if (m < k)
        {
            Path(hashes, m, start, k, proof);
            proof.Add(SubtreeHash(hashes, start + k, n - k));
        }
        else
        {
            Path(hashes, m - k, start + k, n - k, proof);
            proof.Add(SubtreeHash(hashes, start, k));
        }
    }

    /// <summary>The consistency proof between sizes <paramref name="size1"/> ≤ <paramref name="size2"/> (RFC 9162 §2.1.4.1).</summary>
    public static Hash[] ConsistencyProof(IMerkleHashes hashes, ulong size1, ulong size2)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size1, size2);
        if (size1 == 0 || size1 == size2)
        {
            return [];
        }

        var proof = new List<Hash>(64);
        SubProof(hashes, size1, 0, size2, true, proof);
        return [.. proof];
    }

    // SUBPROOF(m, D[start:start+n], b)
    static void SubProof(IMerkleHashes hashes, ulong m, ulong start, ulong n, bool whole, List<Hash> proof)
    {
        if (m == n)
        {
            if (!whole)
            {
                proof.Add(SubtreeHash(hashes, start, n));
            }

            return;
        }

        var k = SplitPoint(n);
        if (m <= k)
        {
            SubProof(hashes, m, start, k, whole, proof);
            proof.Add(SubtreeHash(hashes, start + k, n - k));
        }
        else
        {
            SubProof(hashes, m - k, start + k, n - k, false, proof);
            proof.Add(SubtreeHash(hashes, start, k));
        }
    }
}
