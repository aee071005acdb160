using System.Buffers;
using System.Security.Cryptography;

namespace OutcomeLedger.Core.Transparency.Hashing;

/// <summary>The RFC 6962 / RFC 9162 §2.1.1 Merkle hashes: leaf = H(0x00 || data), node = H(0x01 || left || right).</summary>
public static class Rfc6962
{
    // One-shot SHA256.HashData takes a shared lock-free pool path that scales poorly across threads on this
    // runtime; an IncrementalHash per thread is reused instead.
    [ThreadStatic]
    static IncrementalHash? t_sha256;

    static IncrementalHash Sha256 => t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>SHA-256 of the empty string: the root of the empty tree (RFC 9162 §2.1.1).</summary>
    public static Hash EmptyRoot { get; } = Hash.FromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    public static Hash HashLeaf(ReadOnlySpan<byte> data)
    {
        var sha = Sha256;
        ReadOnlySpan<byte> prefix = [0x00];
        sha.AppendData(prefix);
        sha.AppendData(data);
        Span<byte> digest = stackalloc byte[Hash.Size];
        sha.GetHashAndReset(digest);
        return Hash.FromBytes(digest);
    }

    public static Hash HashChildren(Hash left, Hash right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Hash.Size)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Hash.Size)..]);
        var sha = Sha256;
        sha.AppendData(buffer);
        Span<byte> digest = stackalloc byte[Hash.Size];
        sha.GetHashAndReset(digest);
        return Hash.FromBytes(digest);
    }

    /// <summary>Plain SHA-256 with the per-thread hasher (content addresses, key ids).</summary>
    public static Hash Sha256Of(ReadOnlySpan<byte> data)
    {
        var sha = Sha256;
        sha.AppendData(data);
        Span<byte> digest = stackalloc byte[Hash.Size];
        sha.GetHashAndReset(digest);
        return Hash.FromBytes(digest);
    }

    /// <summary>The leaf hashes of many entries (RFC 9162 §2.1.1), hashed by .NET's SHA-256 (<see cref="PlatformBatchSha256"/>).</summary>
    public static void HashLeaves(IReadOnlyList<ReadOnlyMemory<byte>> data, Span<Hash> leafHashes) =>
        HashLeaves(data, leafHashes, PlatformBatchSha256.Instance);

    /// <summary>The leaf hashes of many entries, <c>leafHashes[i] = H(0x00 || data[i])</c>, hashed in batches by <paramref name="sha256"/>.</summary>
    public static void HashLeaves(IReadOnlyList<ReadOnlyMemory<byte>> data, Span<Hash> leafHashes, IBatchSha256 sha256)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sha256);
        if (leafHashes.Length != data.Count)
        {
            throw new ArgumentException($"{data.Count} entries need {data.Count} leaf hashes, got room for {leafHashes.Length}", nameof(leafHashes));
        }

        var lengths = ArrayPool<int>.Shared.Rent(Math.Min(BatchMessages, data.Count));
        var digests = ArrayPool<byte>.Shared.Rent(Math.Min(BatchMessages, data.Count) * Hash.Size);
        try
        {
            for (var start = 0; start < data.Count;)
            {
                // A batch: up to BatchMessages entries and BatchBytes of messages, at least one entry.
                var count = 0;
                var bytes = 0;
                while (start + count < data.Count && count < BatchMessages
                    && (count == 0 || bytes + 1 + data[start + count].Length <= BatchBytes))
                {
                    lengths[count] = 1 + data[start + count].Length;
                    bytes += lengths[count];
                    count++;
                }

                var messages = ArrayPool<byte>.Shared.Rent(bytes);
                try
                {
                    var offset = 0;
                    for (var i = 0; i < count; i++)
                    {
                        messages[offset] = 0x00;
                        data[start + i].Span.CopyTo(messages.AsSpan(offset + 1));
                        offset += lengths[i];
                    }

                    sha256.HashMany(messages.AsSpan(0, bytes), lengths.AsSpan(0, count), digests.AsSpan(0, count * Hash.Size));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(messages);
                }

                ToHashes(digests.AsSpan(0, count * Hash.Size), leafHashes.Slice(start, count));
                start += count;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(lengths);
            ArrayPool<byte>.Shared.Return(digests);
        }
    }

    /// <summary>
    /// The parents of adjacent pairs, <c>parents[i] = H(0x01 || children[2i] || children[2i+1])</c>: one level of a
    /// tree, hashed in batches by <paramref name="sha256"/>.
    /// </summary>
    public static void HashPairs(ReadOnlySpan<Hash> children, Span<Hash> parents, IBatchSha256 sha256)
    {
        if (children.Length != 2 * parents.Length)
        {
            throw new ArgumentException($"{children.Length} children do not make {parents.Length} pairs", nameof(children));
        }

        HashNodes(children, children[1..], 2, parents, sha256);
    }

    /// <summary>Many node hashes, <c>parents[i] = H(0x01 || lefts[i] || rights[i])</c>, hashed in batches by <paramref name="sha256"/>.</summary>
    public static void HashChildren(ReadOnlySpan<Hash> lefts, ReadOnlySpan<Hash> rights, Span<Hash> parents, IBatchSha256 sha256)
    {
        if (lefts.Length != parents.Length || rights.Length != parents.Length)
        {
            throw new ArgumentException($"{lefts.Length} left and {rights.Length} right children for {parents.Length} parents", nameof(parents));
        }

        HashNodes(lefts, rights, 1, parents, sha256);
    }

    const int NodeMessageSize = 1 + (2 * Hash.Size);

    // Messages per batch: enough to fill the lanes many times over, small enough to stay in the L1/L2 cache.
    const int BatchMessages = 512;
    const int BatchBytes = 256 * 1024;

    // parents[i] = H(0x01 || lefts[i·stride] || rights[i·stride])
    static void HashNodes(ReadOnlySpan<Hash> lefts, ReadOnlySpan<Hash> rights, int stride, Span<Hash> parents, IBatchSha256 sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        var count = parents.Length;
        var batch = Math.Min(BatchMessages, count);
        var messages = ArrayPool<byte>.Shared.Rent(batch * NodeMessageSize);
        var digests = ArrayPool<byte>.Shared.Rent(batch * Hash.Size);
        try
        {
            for (var start = 0; start < count; start += batch)
            {
                var n = Math.Min(batch, count - start);
                for (var i = 0; i < n; i++)
                {
                    var message = messages.AsSpan(i * NodeMessageSize, NodeMessageSize);
                    message[0] = 0x01;
                    lefts[(start + i) * stride].CopyTo(message[1..]);
                    rights[(start + i) * stride].CopyTo(message[(1 + Hash.Size)..]);
                }

                sha256.HashMany(messages.AsSpan(0, n * NodeMessageSize), NodeMessageSize, digests.AsSpan(0, n * Hash.Size));
                ToHashes(digests.AsSpan(0, n * Hash.Size), parents.Slice(start, n));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(messages);
            ArrayPool<byte>.Shared.Return(digests);
        }
    }

    static void ToHashes(ReadOnlySpan<byte> digests, Span<Hash> hashes)
    {
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = Hash.FromBytes(digests.Slice(i * Hash.Size, Hash.Size));
        }
    }
}
