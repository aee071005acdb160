using System.Runtime.InteropServices;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Transparency.Merkle;

/// <summary>
/// An append-only RFC 6962 Merkle tree in memory. It keeps the hash of every complete subtree, so an append costs one
/// leaf hash plus, amortised, one node hash (O(log n) at worst), and any root or proof up to the current size is
/// derived from stored hashes. Bulk appends hash each level's new nodes in one batch.
/// </summary>
public sealed class MerkleTree : IMerkleHashes
{
    readonly List<List<Hash>> _levels = [[]];
    readonly IBatchSha256 _sha256;

    /// <summary>A tree whose bulk appends hash with .NET's SHA-256 (<see cref="PlatformBatchSha256"/>).</summary>
    public MerkleTree()
        : this(PlatformBatchSha256.Instance)
    {
    }

    /// <summary>A tree whose bulk appends hash with <paramref name="sha256"/>.</summary>
    public MerkleTree(IBatchSha256 sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        _sha256 = sha256;
    }

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

    /// <summary>Appends many leaves' data and returns the index of the first.</summary>
    public ulong AppendMany(IReadOnlyList<ReadOnlyMemory<byte>> leafData)
    {
        ArgumentNullException.ThrowIfNull(leafData);
        var hashes = new Hash[leafData.Count];
        Rfc6962.HashLeaves(leafData, hashes, _sha256);
        return AppendLeafHashes(hashes);
    }

    /// <summary>
    /// Appends many leaf hashes and returns the index of the first. The stored hashes are those of as many single
    /// appends; the new nodes of each level are independent of each other, so each level is one batch.
    /// </summary>
    public ulong AppendLeafHashes(ReadOnlySpan<Hash> leafHashes)
    {
        var first = Size;
        _levels[0].AddRange(leafHashes);
        for (var level = 0; ; level++)
        {
            var children = _levels[level];
            var stored = level + 1 < _levels.Count ? _levels[level + 1].Count : 0;
            var complete = children.Count / 2;
            if (complete == stored)
            {
                return first;
            }

            if (level + 1 == _levels.Count)
            {
                _levels.Add([]);
            }

            var parents = new Hash[complete - stored];
            Rfc6962.HashPairs(CollectionsMarshal.AsSpan(children).Slice(2 * stored, 2 * parents.Length), parents, _sha256);
            _levels[level + 1].AddRange(parents);
        }
    }

    public Hash GetStoredHash(int level, ulong index)
    {
        if (level >= _levels.Count || index >= (ulong)_levels[level].Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"no complete subtree at level {level}, index {index} in a tree of {Size} leaves");
        }

        return _levels[level][(int)index];
    }

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
