using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OutcomeLedger.Core.Tests.Interop;

/// <summary>
/// The entries <c>tlogcheck mklog</c> writes for a seed (tests/interop/go/mklog.go), so that a log built by our
/// C# code from the same entries and key can be compared with Go's byte for byte.
/// </summary>
public static class GoSeededEntries
{
    public const int MaxLength = 300;

    /// <summary>h0 = SHA-256(seed "/" i); length = be16(h0[0:2]) mod 301; data = (SHA-256(h0 || be32(k)))... cut to length.</summary>
    public static byte[] Entry(string seed, long index)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var h0 = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "/" + index.ToString(CultureInfo.InvariantCulture)));
        var length = BinaryPrimitives.ReadUInt16BigEndian(h0) % (MaxLength + 1);
        var data = new byte[length];
        var block = new byte[h0.Length + 4];
        h0.CopyTo(block, 0);
        for (var k = 0; k * 32 < length; k++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(block.AsSpan(h0.Length), (uint)k);
            var sum = SHA256.HashData(block);
            sum.AsSpan(0, Math.Min(32, length - (k * 32))).CopyTo(data.AsSpan(k * 32));
        }

        return data;
    }

    public static IEnumerable<byte[]> Entries(string seed, long count)
    {
        for (var i = 0L; i < count; i++)
        {
            yield return Entry(seed, i);
        }
    }
}
