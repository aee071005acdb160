namespace OutcomeLedger.Core.Transparency;

/// <summary>
/// An append-only RFC 6962 Merkle tree in memory. It keeps the hash of every complete subtree, so an append costs one
/// leaf hash plus, amortised, one node hash (O(log n) at worst), and any root or proof up to the current size is
/// derived from stored hashes.
/// </summary>
public sealed class MerkleTree : IMerkleHashes
{
    readonly List<List<Hash>> _levels = [[]];

    public ulong Size => (ulong)_levels[0].Count;

    /// <summary>Appends a leaf's data and returns its index.</summary>
    public ulong Append(ReadOnlySpan<byte> leafData) => AppendLeafHash(Rfc6962.HashLeaf(leafData));

    /// <summary>Appends an already computed leaf hash and returns its index.</summary>
    public ulong AppendLeafHash(Hash leafHash)
    {
        var index = Size;
        _levels[0].Add(leafHash);
        var position = index;
        var level = 0;
        var hash = leafHash;
        while ((position & 1) == 1)
        {
            hash = Rfc6962.HashChildren(_levels[level][(int)(position - 1)], hash);
            level++;
            position >>= 1;
            if (_levels.Count == level)
            {
                _levels.Add([]);
            }

            _levels[level].Add(hash);
        }

        return index;
    }

    public Hash GetStoredHash(int level, ulong index)
    {
        if (level >= _levels.Count || index >= (ulong)_levels[level].Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"no complete subtree at level {level}, index {index} in a tree of {Size} leaves");
        }

        return _levels[level][(int)index];
    }

    /// <summary>The number of complete subtree hashes stored at <paramref name="level"/>.</summary>
    public ulong StoredCount(int level) => level < _levels.Count ? (ulong)_levels[level].Count : 0;

    public Hash Root() => MerkleMath.Root(this, Size);

    public Hash RootAt(ulong size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        return MerkleMath.Root(this, size);
    }

    public Hash LeafHash(ulong index) => GetStoredHash(0, index);

    public Hash[] InclusionProof(ulong index, ulong size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        return MerkleMath.InclusionProof(this, index, size);
    }

    public Hash[] ConsistencyProof(ulong size1, ulong size2)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size2, Size);
        return MerkleMath.ConsistencyProof(this, size1, size2);
    }
}
