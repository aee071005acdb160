using System.Buffers.Binary;

namespace OutcomeLedger.Core.Transparency.Hashing;

/// <summary>A SHA-256 digest: 32 bytes, compared by value, no allocation.</summary>
public readonly struct Hash : IEquatable<Hash>
{
    public const int Size = 32;

    readonly ulong _a, _b, _c, _d;

    Hash(ulong a, ulong b, ulong c, ulong d) => (_a, _b, _c, _d) = (a, b, c, d);

    public static Hash FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"a hash is {Size} bytes, got {bytes.Length}", nameof(bytes));
        }

        return new Hash(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
    }

    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out Hash hash)
    {
        hash = default;
        if (bytes.Length != Size)
        {
            return false;
        }

        hash = FromBytes(bytes);
        return true;
    }

    public static bool TryParseBase64(string? text, out Hash hash)
    {
        hash = default;
        if (text is null || text.Length != 44)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[Size];
        return Convert.TryFromBase64String(text, buffer, out var written) && written == Size && TryFromBytes(buffer, out hash);
    }

    public static Hash FromHex(string hex) => FromBytes(Convert.FromHexString(hex));

    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    public string ToBase64() => Convert.ToBase64String(ToArray());

    public string ToHex() => Convert.ToHexStringLower(ToArray());

    public bool Equals(Hash other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    public override bool Equals(object? obj) => obj is Hash other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);

    public override string ToString() => ToHex();

    public static bool operator ==(Hash left, Hash right) => left.Equals(right);

    public static bool operator !=(Hash left, Hash right) => !left.Equals(right);
}
