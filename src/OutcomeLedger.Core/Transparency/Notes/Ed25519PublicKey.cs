using NSec.Cryptography;

namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>
/// An Ed25519 public key whose <see cref="Verify"/> accepts and rejects exactly as Go's crypto/ed25519 does.
/// </summary>
/// <remarks>
/// Why two verifiers: signed notes and cosignatures come from Go peers (sumdb/note, sunlight, witnesses), and
/// a signature one side accepts must not be rejected by the other. libsodium (NSec) is stricter than Go: it
/// also rejects small-order A or R and non-canonical A, all of which Go accepts (CCTV ed25519 vectors: Go
/// rejects only <c>non_canonical_R</c> and <c>low_order_residue</c>). Both use the same cofactorless check
/// with an encoding comparison of R, so anything libsodium accepts Go accepts too. We therefore try NSec
/// first (fast, no allocation) and, only when it rejects and the input has one of the properties on which
/// the two differ, re-check with <see cref="Rfc8032Verifier"/>, a reference verifier with Go's rules.
/// </remarks>
public sealed class Ed25519PublicKey : IEquatable<Ed25519PublicKey>
{
    public const int Size = 32;
    public const int SignatureSize = 64;

    // The small-order points' y-coordinates as 255-bit little-endian values, including their non-canonical
    // encodings y = p and y = p + 1 (c2sp.org/CCTV ed25519 README): 0, 1, p-1, p, p+1 and the two of order 8.
    static readonly byte[][] SmallOrderY =
    [
        Convert.FromHexString("0000000000000000000000000000000000000000000000000000000000000000"),
        Convert.FromHexString("0100000000000000000000000000000000000000000000000000000000000000"),
        Convert.FromHexString("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        Convert.FromHexString("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        Convert.FromHexString("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        Convert.FromHexString("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
        Convert.FromHexString("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
    ];

    readonly byte[] _bytes;
    readonly PublicKey? _sodiumKey;
    readonly bool _keyOutsideSodiumRules;

    public Ed25519PublicKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"an Ed25519 public key is {Size} bytes, got {bytes.Length}", nameof(bytes));
        }

        _bytes = bytes.ToArray();
        _ = PublicKey.TryImport(SignatureAlgorithm.Ed25519, _bytes, KeyBlobFormat.RawPublicKey, out _sodiumKey);
        _keyOutsideSodiumRules = _sodiumKey is null || IsSmallOrderEncoding(_bytes) || !IsCanonicalY(_bytes);
    }

    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Reports whether <paramref name="signature"/> is a valid signature of <paramref name="message"/> under Go's rules.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        if (_sodiumKey is not null && SignatureAlgorithm.Ed25519.Verify(_sodiumKey, message, signature))
        {
            return true;
        }

        // libsodium's rejection is final unless it came from one of its extra rules (small-order A or R,
        // non-canonical A); only then can Go's answer differ, and the slow reference check decides.
        if (!_keyOutsideSodiumRules && !IsSmallOrderEncoding(signature[..32]))
        {
            return false;
        }

        return Rfc8032Verifier.Verify(_bytes, message, signature);
    }

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public bool Equals(Ed25519PublicKey? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as Ed25519PublicKey);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    public override string ToString() => Convert.ToBase64String(_bytes);

    static bool IsSmallOrderEncoding(ReadOnlySpan<byte> point)
    {
        foreach (var y in SmallOrderY)
        {
            if (point[..31].SequenceEqual(y.AsSpan(0, 31)) && (point[31] & 0x7F) == y[31])
            {
                return true;
            }
        }

        return false;
    }

    // y < p = 2^255 - 19, ignoring the sign bit (libsodium's ge25519_is_canonical).
    static bool IsCanonicalY(ReadOnlySpan<byte> point)
    {
        if ((point[31] & 0x7F) != 0x7F)
        {
            return true;
        }

        for (var i = 30; i >= 1; i--)
        {
            if (point[i] != 0xFF)
            {
                return true;
            }
        }

        return point[0] < 0xED;
    }
}
