namespace OutcomeLedger.Core.Transparency;

/// <summary>Verification of RFC 9162 inclusion proofs.</summary>
public static class InclusionProof
{
    /// <summary>Checks that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree with <paramref name="root"/>.</summary>
    // RFC 9162 §2.1.3.2
    public static ProofCheck Verify(ulong index, ulong treeSize, Hash leafHash, IReadOnlyList<Hash> proof, Hash root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index >= treeSize)
        {
            return ProofCheck.BadArguments($"leaf index {index} is not below tree size {treeSize}");
        }

        var expectedLength = ProofLength(index, treeSize);
        if (proof.Count != expectedLength)
        {
            return ProofCheck.WrongLength(expectedLength, proof.Count);
        }

        var computed = RootFromProof(index, treeSize, leafHash, proof);
        return computed == root ? ProofCheck.Valid : ProofCheck.RootMismatch("root", root, computed);
    }

    /// <summary>The root a well-formed proof leads to (the proof length must already be right).</summary>
    public static Hash RootFromProof(ulong index, ulong treeSize, Hash leafHash, IReadOnlyList<Hash> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, treeSize);
        ulong fn = index, sn = treeSize - 1;
        var r = leafHash;
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                // Only reachable with a proof that is too long; ProofLength rules it out for Verify.
                throw new ArgumentException("the proof is longer than the tree is deep", nameof(proof));
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = Rfc6962.HashChildren(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = Rfc6962.HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return r;
    }

    /// <summary>The number of hashes in the inclusion proof of <paramref name="index"/> in a tree of <paramref name="treeSize"/>.</summary>
    public static int ProofLength(ulong index, ulong treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, treeSize);
        // Levels where the path has a sibling: the inner part is where index and the last leaf differ; above that,
        // one hash for each right border subtree the path passes.
        var inner = 64 - System.Numerics.BitOperations.LeadingZeroCount(index ^ (treeSize - 1));
        var border = System.Numerics.BitOperations.PopCount(index >> inner);
        return inner + border;
    }
}
