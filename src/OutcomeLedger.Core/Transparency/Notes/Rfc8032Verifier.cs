using System.Numerics;
using System.Security.Cryptography;

namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>
/// A small, slow reference Ed25519 verifier (RFC 8032 §5.1.7) with the exact acceptance rules of Go's
/// crypto/ed25519: S must be canonical (S &lt; L), A is decoded leniently as filippo.io/edwards25519's
/// Point.SetBytes does (y ≥ p and x = -0 accepted), the check is cofactorless ([S]B - [k]A computed and
/// its canonical encoding compared byte for byte with R, so a non-canonical R never matches).
/// </summary>
/// <remarks>
/// Used only when libsodium (NSec) rejects a signature that Go might accept; see <see cref="Ed25519PublicKey"/>.
/// Written for clarity, not speed or constant time: it handles public data only.
/// </remarks>
internal static class Rfc8032Verifier
{
    // RFC 8032 §5.1: p = 2^255 - 19, d = -121665/121666, L = 2^252 + 27742317777372353535851937790883648493.
    static readonly BigInteger P = (BigInteger.One << 255) - 19;
    static readonly BigInteger L = (BigInteger.One << 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);
    static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    static readonly BigInteger D2 = Mod(2 * D);
    static readonly BigInteger SqrtMinusOne = BigInteger.ModPow(2, (P - 1) / 4, P);
    static readonly Point Identity = new(0, 1, 1, 0);
    static readonly Point BasePoint = BaseFromY();

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != 32 || signature.Length != 64)
        {
            return false;
        }

        // Go: sig[63]&224 != 0 rejects S ≥ 2^253 early; SetCanonicalBytes then requires S < L.
        if ((signature[63] & 0xE0) != 0)
        {
            return false;
        }

        var s = FromLittleEndian(signature[32..]);
        if (s >= L || !TryDecodeLenient(publicKey, out var a))
        {
            return false;
        }

        // k = SHA-512(R || A || M) mod L, hashing the public key bytes exactly as given (RFC 8032 §5.1.7 step 2).
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        sha.AppendData(signature[..32]);
        sha.AppendData(publicKey);
        sha.AppendData(message);
        Span<byte> digest = stackalloc byte[64];
        sha.GetHashAndReset(digest);
        var k = FromLittleEndian(digest) % L;

        // Cofactorless: R' = [S]B + [k](-A), then encode(R') == R.
        var check = DoubleScalarMultiply(s, BasePoint, k, Negate(a));
        Span<byte> encoded = stackalloc byte[32];
        Encode(check, encoded);
        return encoded.SequenceEqual(signature[..32]);
    }

    /// <summary>Decodes a point as Go's edwards25519 Point.SetBytes does: the top bit is the sign of x, y is reduced mod p.</summary>
    internal static bool TryDecodeLenient(ReadOnlySpan<byte> encoding, out Point point)
    {
        point = Identity;
        var y = Mod(FromLittleEndian(encoding) & ((BigInteger.One << 255) - 1));
        var negative = (encoding[31] & 0x80) != 0;
        var y2 = Mod(y * y);
        var u = Mod(y2 - 1);
        var v = Mod((D * y2) + 1);
        if (!TrySqrtRatio(u, v, out var x))
        {
            return false;
        }

        // SqrtRatio yields the non-negative root; the sign bit selects its negation, and -0 = 0 is accepted.
        if (negative)
        {
            x = Mod(-x);
        }

        point = new Point(x, y, 1, Mod(x * y));
        return true;
    }

    // RFC 8032 §5.1.3 step 3: x = u v^3 (u v^7)^((p-5)/8), then fix up with sqrt(-1); returns |x|.
    static bool TrySqrtRatio(BigInteger u, BigInteger v, out BigInteger x)
    {
        var v3 = Mod(v * v * v);
        var v7 = Mod(v3 * v3 * v);
        x = Mod(u * v3 * BigInteger.ModPow(Mod(u * v7), (P - 5) / 8, P));
        var check = Mod(v * x * x);
        if (check == u)
        {
            // root found
        }
        else if (check == Mod(-u))
        {
            x = Mod(x * SqrtMinusOne);
        }
        else
        {
            return false;
        }

        if (!x.IsEven)
        {
            x = P - x;
        }

        return true;
    }

    static void Encode(Point point, Span<byte> destination)
    {
        var zInverse = Inverse(point.Z);
        var x = Mod(point.X * zInverse);
        var y = Mod(point.Y * zInverse);
        destination.Clear();
        y.TryWriteBytes(destination, out _, isUnsigned: true, isBigEndian: false);
        if (!x.IsEven)
        {
            destination[31] |= 0x80;
        }
    }

    static Point DoubleScalarMultiply(BigInteger s1, Point p1, BigInteger s2, Point p2)
    {
        Span<byte> bits1 = stackalloc byte[32];
        Span<byte> bits2 = stackalloc byte[32];
        s1.TryWriteBytes(bits1, out _, isUnsigned: true, isBigEndian: false);
        s2.TryWriteBytes(bits2, out _, isUnsigned: true, isBigEndian: false);
        var result = Identity;
        for (var i = 255; i >= 0; i--)
        {
            result = Add(result, result);
            if (((bits1[i >> 3] >> (i & 7)) & 1) != 0)
            {
                result = Add(result, p1);
            }

            if (((bits2[i >> 3] >> (i & 7)) & 1) != 0)
            {
                result = Add(result, p2);
            }
        }

        return result;
    }

    // RFC 8032 §5.1.4: complete addition in extended coordinates for a = -1.
    static Point Add(Point p, Point q)
    {
        var a = Mod((p.Y - p.X) * (q.Y - q.X));
        var b = Mod((p.Y + p.X) * (q.Y + q.X));
        var c = Mod(p.T * D2 * q.T);
        var d = Mod(p.Z * 2 * q.Z);
        var e = b - a;
        var f = d - c;
        var g = d + c;
        var h = b + a;
        return new Point(Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    static Point Negate(Point p) => new(Mod(-p.X), p.Y, p.Z, Mod(-p.T));

    static Point BaseFromY()
    {
        // RFC 8032 §5.1: B has y = 4/5 and positive (even) x.
        var y = Mod(4 * Inverse(5));
        Span<byte> encoding = stackalloc byte[32];
        y.TryWriteBytes(encoding, out _, isUnsigned: true, isBigEndian: false);
        TryDecodeLenient(encoding, out var point);
        return point;
    }

    static BigInteger FromLittleEndian(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: false);

    static BigInteger Mod(BigInteger value)
    {
        var r = BigInteger.Remainder(value, P);
        return r.Sign < 0 ? r + P : r;
    }

    static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);

    internal readonly record struct Point(BigInteger X, BigInteger Y, BigInteger Z, BigInteger T);
}
