using System.Security.Cryptography;

namespace OutcomeLedger.Core.Transparency;

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
}
