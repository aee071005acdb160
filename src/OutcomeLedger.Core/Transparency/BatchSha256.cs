using OutcomeLedger.Core.Transparency.IpsecMb;

namespace OutcomeLedger.Core.Transparency;

/// <summary>
/// The batch SHA-256 the log uses: intel-ipsec-mb's multi-buffer SHA-256 when the library is installed and passes its
/// self-test, otherwise .NET's. Both give the same digests; only the speed differs.
/// </summary>
public static class BatchSha256
{
    static readonly Lazy<(IBatchSha256? Hasher, string Reason)> s_ipsecMb = new(() =>
    {
        var hasher = IpsecMbSha256.TryLoad(out var reason);
        return (hasher, reason);
    });

    /// <summary>The multi-buffer implementation, or null when it is unavailable (see <see cref="MultiBufferUnavailableReason"/>).</summary>
    public static IBatchSha256? MultiBuffer => s_ipsecMb.Value.Hasher;

    /// <summary>Why <see cref="MultiBuffer"/> is null; empty when it is available.</summary>
    public static string MultiBufferUnavailableReason => s_ipsecMb.Value.Reason;

    /// <summary>.NET's SHA-256, one message at a time.</summary>
    public static IBatchSha256 Platform => PlatformBatchSha256.Instance;

    /// <summary>The fastest available implementation.</summary>
    public static IBatchSha256 Default => MultiBuffer ?? Platform;

    /// <summary>One line for diagnostics: which SHA-256 hashes batches, and why not the multi-buffer one if it does not.</summary>
    public static string Describe() => MultiBuffer is { } fast
        ? fast.Description
        : $"{Platform.Description}; multi-buffer SHA-256 unavailable: {MultiBufferUnavailableReason}";

    internal static void CheckShape(ReadOnlySpan<byte> messages, ReadOnlySpan<int> lengths, Span<byte> digests)
    {
        if (digests.Length != lengths.Length * Hash.Size)
        {
            throw new ArgumentException($"{lengths.Length} messages need {lengths.Length * Hash.Size} digest bytes, got {digests.Length}", nameof(digests));
        }

        long total = 0;
        foreach (var length in lengths)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(length, nameof(lengths));
            total += length;
        }

        if (total != messages.Length)
        {
            throw new ArgumentException($"the lengths add up to {total} bytes, the messages are {messages.Length}", nameof(lengths));
        }
    }

    internal static int CheckShape(ReadOnlySpan<byte> messages, int messageLength, Span<byte> digests)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(messageLength);
        if (messages.Length % messageLength != 0)
        {
            throw new ArgumentException($"{messages.Length} bytes are not a whole number of {messageLength}-byte messages", nameof(messages));
        }

        var count = messages.Length / messageLength;
        if (digests.Length != count * Hash.Size)
        {
            throw new ArgumentException($"{count} messages need {count * Hash.Size} digest bytes, got {digests.Length}", nameof(digests));
        }

        return count;
    }
}
