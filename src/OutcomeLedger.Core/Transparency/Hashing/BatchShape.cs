namespace OutcomeLedger.Core.Transparency.Hashing;

/// <summary>
/// The argument checks every <see cref="IBatchSha256"/> makes before hashing, so that all implementations refuse the
/// same malformed batches with the same exceptions.
/// </summary>
public static class BatchShape
{
    /// <summary>Throws unless <paramref name="lengths"/> add up to the messages and <paramref name="digests"/> has room for one digest each.</summary>
    public static void Check(ReadOnlySpan<byte> messages, ReadOnlySpan<int> lengths, Span<byte> digests)
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

    /// <summary>Throws unless the messages are a whole number of <paramref name="messageLength"/>-byte messages with room for their digests; returns how many.</summary>
    public static int Check(ReadOnlySpan<byte> messages, int messageLength, Span<byte> digests)
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
