using System.Security.Cryptography;

namespace OutcomeLedger.Core.Transparency.Hashing;

/// <summary>
/// The batch interface over .NET's SHA-256 (OpenSSL on Linux), one message after another: works everywhere, and is
/// what the log's batch hashing uses unless a host passes a faster <see cref="IBatchSha256"/> in.
/// </summary>
public sealed class PlatformBatchSha256 : IBatchSha256
{
    // As in Rfc6962: one IncrementalHash per thread scales better than the one-shot pool path.
    [ThreadStatic]
    static IncrementalHash? t_sha256;

    public static PlatformBatchSha256 Instance { get; } = new();

    PlatformBatchSha256()
    {
    }

    public string Description => ".NET SHA-256 (one message at a time)";

    public void HashMany(ReadOnlySpan<byte> messages, ReadOnlySpan<int> lengths, Span<byte> digests)
    {
        BatchShape.Check(messages, lengths, digests);
        var offset = 0;
        for (var i = 0; i < lengths.Length; i++)
        {
            HashOne(messages.Slice(offset, lengths[i]), digests.Slice(i * Hash.Size, Hash.Size));
            offset += lengths[i];
        }
    }

    public void HashMany(ReadOnlySpan<byte> messages, int messageLength, Span<byte> digests)
    {
        var count = BatchShape.Check(messages, messageLength, digests);
        for (var i = 0; i < count; i++)
        {
            HashOne(messages.Slice(i * messageLength, messageLength), digests.Slice(i * Hash.Size, Hash.Size));
        }
    }

    static void HashOne(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        var sha = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(message);
        sha.GetHashAndReset(digest);
    }
}
