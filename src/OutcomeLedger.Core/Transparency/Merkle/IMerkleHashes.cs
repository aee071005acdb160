using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Transparency.Merkle;

/// <summary>
/// Read access to the hashes of complete subtrees: level 0 holds leaf hashes, level <c>l</c> index <c>i</c> is the
/// root of leaves <c>[i·2^l, (i+1)·2^l)</c>. Everything else (roots at any size, proofs) derives from these,
/// as RFC 9162 §2.1 defines it. Implemented by the in-memory tree and by tile readers.
/// </summary>
public interface IMerkleHashes
{
    /// <summary>The hash of the complete subtree at <paramref name="level"/>, <paramref name="index"/>.</summary>
    Hash GetStoredHash(int level, ulong index);
}
