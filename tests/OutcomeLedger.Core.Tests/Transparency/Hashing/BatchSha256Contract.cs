using System.Security.Cryptography;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Tests.Transparency.Hashing;

/// <summary>
/// What every batch SHA-256 must do: give exactly SHA256.HashData's digests, whatever the lengths, and refuse malformed
/// batches. Run on .NET's (here) and on intel-ipsec-mb's (in its own assembly's tests, which link this file).
/// </summary>
public abstract class BatchSha256Contract
{
    /// <summary>The implementation under test; may skip the test where it is unavailable.</summary>
    protected abstract IBatchSha256 Sha256 { get; }

    static byte[] Reference(byte[] messages, int[] lengths)
    {
        var digests = new byte[lengths.Length * Hash.Size];
        var offset = 0;
        for (var i = 0; i < lengths.Length; i++)
        {
            SHA256.HashData(messages.AsSpan(offset, lengths[i]), digests.AsSpan(i * Hash.Size));
            offset += lengths[i];
        }

        return digests;
    }

    static (byte[] Messages, int[] Lengths) Random(int seed, int count, int maxLength)
    {
        var random = new Random(seed);
        var lengths = new int[count];
        for (var i = 0; i < count; i++)
        {
            lengths[i] = random.Next(0, maxLength + 1);
        }

        var messages = new byte[lengths.Sum()];
        random.NextBytes(messages);
        return (messages, lengths);
    }

    [Fact]
    public void HashMany_RandomLengthsUpTo300_EqualsSha256()
    {
        var sha256 = Sha256;
        foreach (var (seed, count) in new[] { (1, 1), (2, 3), (3, 4), (4, 17), (5, 100), (6, 1000) })
        {
            var (messages, lengths) = Random(seed, count, 300);
            var digests = new byte[count * Hash.Size];
            sha256.HashMany(messages, lengths, digests);
            Assert.Equal(Reference(messages, lengths), digests);
        }
    }

    [Fact]
    public void HashMany_BlockBoundaryLengths_EqualsSha256()
    {
        var sha256 = Sha256;
        // Padding needs 9 bytes: 55 fits one block, 56 needs two; 64 and 65 straddle a block boundary.
        int[] lengths = [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 0, 55, 56, 63, 64, 65, 0];
        var messages = new byte[lengths.Sum()];
        new Random(56).NextBytes(messages);
        var digests = new byte[lengths.Length * Hash.Size];
        sha256.HashMany(messages, lengths, digests);
        Assert.Equal(Reference(messages, lengths), digests);
    }

    [Fact]
    public void HashMany_LongMessagesAmongShort_EqualsSha256()
    {
        var sha256 = Sha256;
        // Beyond the multi-buffer cut (16 KiB) and beyond what the 1.3 job API accepts (65,535 bytes).
        int[] lengths = [65, 16_384, 16_385, 65, 65_534, 65_535, 65_536, 70_000, 65, 65];
        var messages = new byte[lengths.Sum()];
        new Random(65).NextBytes(messages);
        var digests = new byte[lengths.Length * Hash.Size];
        sha256.HashMany(messages, lengths, digests);
        Assert.Equal(Reference(messages, lengths), digests);
    }

    [Fact]
    public void HashMany_FixedLength_EqualsSha256()
    {
        var sha256 = Sha256;
        foreach (var length in new[] { 1, 55, 56, 63, 64, 65, 300 })
        {
            foreach (var count in new[] { 1, 5, 16, 33, 600 })
            {
                var messages = new byte[length * count];
                new Random(length + count).NextBytes(messages);
                var digests = new byte[count * Hash.Size];
                sha256.HashMany(messages, length, digests);
                Assert.Equal(Reference(messages, [.. Enumerable.Repeat(length, count)]), digests);
            }
        }
    }

    [Fact]
    public void HashMany_OnManyThreadsAtOnce_EqualsSha256()
    {
        var sha256 = Sha256;
        var failures = 0;
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, seed =>
        {
            var (messages, lengths) = Random(100 + seed, 500, 200);
            var digests = new byte[lengths.Length * Hash.Size];
            sha256.HashMany(messages, lengths, digests);
            if (!digests.AsSpan().SequenceEqual(Reference(messages, lengths)))
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }

    [Fact]
    public void HashMany_LengthsNotMatchingMessages_Throws()
    {
        var sha256 = Sha256;
        Assert.Throws<ArgumentException>(() => sha256.HashMany(new byte[10], [4, 5], new byte[64]));
        Assert.Throws<ArgumentException>(() => sha256.HashMany(new byte[10], [5, 5], new byte[63]));
        Assert.Throws<ArgumentOutOfRangeException>(() => sha256.HashMany(new byte[10], [11, -1], new byte[64]));
        Assert.Throws<ArgumentException>(() => sha256.HashMany(new byte[10], 3, new byte[96]));
    }
}
