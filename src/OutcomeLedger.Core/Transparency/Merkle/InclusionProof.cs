using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Transparency.Merkle;

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

    /// <summary>Verifies many inclusion proofs; result <c>i</c> is what <see cref="Verify"/> gives for claim <c>i</c>.</summary>
    public static ProofCheck[] VerifyMany(IReadOnlyList<InclusionClaim> claims) => VerifyMany(claims, PlatformBatchSha256.Instance);

    /// <summary>
    /// Verifies many inclusion proofs, walking all of them up the tree together: at each step the next node hash of
    /// every proof still running is computed in one batch by <paramref name="sha256"/>. Result <c>i</c> is exactly
    /// what <see cref="Verify"/> gives for claim <c>i</c>.
    /// </summary>
    // RFC 9162 §2.1.3.2, the same steps as RootFromProof, interleaved across proofs.
    public static ProofCheck[] VerifyMany(IReadOnlyList<InclusionClaim> claims, IBatchSha256 sha256)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(sha256);
        var results = new ProofCheck[claims.Count];
        var fn = new ulong[claims.Count];
        var sn = new ulong[claims.Count];
        var computed = new Hash[claims.Count];
        var running = new List<int>(claims.Count);
        for (var i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            ArgumentNullException.ThrowIfNull(claim.Proof, nameof(claims));
            if (claim.Index >= claim.TreeSize)
            {
                results[i] = ProofCheck.BadArguments($"leaf index {claim.Index} is not below tree size {claim.TreeSize}");
                continue;
            }

            var expectedLength = ProofLength(claim.Index, claim.TreeSize);
            if (claim.Proof.Count != expectedLength)
            {
                results[i] = ProofCheck.WrongLength(expectedLength, claim.Proof.Count);
                continue;
            }

            (fn[i], sn[i], computed[i]) = (claim.Index, claim.TreeSize - 1, claim.LeafHash);
            running.Add(i);
        }

        var lefts = new Hash[running.Count];
        var rights = new Hash[running.Count];
        var parents = new Hash[running.Count];
        for (var step = 0; ; step++)
        {
            // Proofs whose hashes are used up are finished.
            running.RemoveAll(i =>
            {
                if (claims[i].Proof.Count > step)
                {
                    return false;
                }

                var root = claims[i].Root;
                results[i] = computed[i] == root ? ProofCheck.Valid : ProofCheck.RootMismatch("root", root, computed[i]);
                return true;
            });
            if (running.Count == 0)
            {
                return results;
            }

            for (var k = 0; k < running.Count; k++)
            {
                var i = running[k];
                var p = claims[i].Proof[step];
                if ((fn[i] & 1) == 1 || fn[i] == sn[i])
                {
                    (lefts[k], rights[k]) = (p, computed[i]);
                    while ((fn[i] & 1) == 0 && fn[i] != 0)
                    {
                        fn[i] >>= 1;
                        sn[i] >>= 1;
                    }
                }
                else
                {
                    (lefts[k], rights[k]) = (computed[i], p);
                }

                fn[i] >>= 1;
                sn[i] >>= 1;
            }

            Rfc6962.HashChildren(lefts.AsSpan(0, running.Count), rights.AsSpan(0, running.Count), parents.AsSpan(0, running.Count), sha256);
            for (var k = 0; k < running.Count; k++)
            {
                computed[running[k]] = parents[k];
            }
        }
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
