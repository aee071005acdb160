using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>
/// A verifier key, "&lt;name&gt;+&lt;key ID as 8 hex digits&gt;+base64(type byte || public key)", as in Go's
/// golang.org/x/mod/sumdb/note and c2sp.org/signed-note "Verifier keys". Types 0x01 (Ed25519) and 0x04
/// (cosignature/v1, c2sp.org/tlog-cosignature), both with a 32-byte Ed25519 public key.
/// </summary>
public sealed class VerifierKey : IEquatable<VerifierKey>
{
    /// <summary>Longest verifier key string we parse; real ones are under 200 characters.</summary>
    public const int MaxLength = 1024;

    VerifierKey(string name, NoteKeyType type, Ed25519PublicKey publicKey)
    {
        Name = name;
        Type = type;
        PublicKey = publicKey;
        KeyId = NoteKeyId.Compute(name, type, publicKey.Bytes);
    }

    public string Name { get; }

    public NoteKeyType Type { get; }

    public uint KeyId { get; }

    public Ed25519PublicKey PublicKey { get; }

    public static VerifierKey Create(string name, NoteKeyType type, Ed25519PublicKey publicKey)
    {
        if (!NoteKeyName.IsValid(name))
        {
            throw new ArgumentException("not a valid note key name", nameof(name));
        }

        if (type is not (NoteKeyType.Ed25519 or NoteKeyType.CosignatureV1))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported key type");
        }

        ArgumentNullException.ThrowIfNull(publicKey);
        return new VerifierKey(name, type, publicKey);
    }

    /// <summary>
    /// Parses a verifier key. Like Go's note.NewVerifier, it splits on the first two '+' only (base64 may hold '+'),
    /// takes the key ID as exactly 8 hex digits and requires it to equal the ID computed from name, type and key.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out VerifierKey? key, [NotNullWhen(false)] out NoteError? error)
    {
        key = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            error = new NoteError(NoteErrorKind.MalformedKey, $"verifier key is empty or longer than {MaxLength} characters");
            return false;
        }

        var first = text.IndexOf('+', StringComparison.Ordinal);
        var second = first < 0 ? -1 : text.IndexOf('+', first + 1);
        if (second < 0)
        {
            error = new NoteError(NoteErrorKind.MalformedKey, "verifier key is not name+keyid+key");
            return false;
        }

        return TryParseParts(text[..first], text.AsSpan(first + 1, second - first - 1), text.AsSpan(second + 1), "verifier key", out key, out error);
    }

    internal static bool TryParseParts(
        string name, ReadOnlySpan<char> keyIdHex, ReadOnlySpan<char> keyBase64, string what,
        [NotNullWhen(true)] out VerifierKey? key, [NotNullWhen(false)] out NoteError? error)
    {
        key = null;
        if (!NoteKeyName.IsValid(name))
        {
            error = new NoteError(NoteErrorKind.MalformedKey, $"{what} has an invalid key name (empty, or has a space, '+' or control character)");
            return false;
        }

        if (!TryParseKeyId(keyIdHex, out var statedId))
        {
            error = new NoteError(NoteErrorKind.MalformedKey, $"{what} for {name} has a key ID that is not 8 hex digits");
            return false;
        }

        if (!CanonicalBase64.TryDecode(keyBase64, out var material) || material.Length < 2)
        {
            error = new NoteError(NoteErrorKind.MalformedKey, $"{what} for {name} has malformed base64 key material");
            return false;
        }

        if (material[0] is not ((byte)NoteKeyType.Ed25519 or (byte)NoteKeyType.CosignatureV1))
        {
            error = new NoteError(NoteErrorKind.UnknownKeyType, $"{what} for {name} has unsupported signature type 0x{material[0]:x2}");
            return false;
        }

        if (material.Length != 1 + Ed25519PublicKey.Size)
        {
            error = new NoteError(NoteErrorKind.MalformedKey, $"{what} for {name} has a {material.Length - 1}-byte public key, not {Ed25519PublicKey.Size}");
            return false;
        }

        var parsed = new VerifierKey(name, (NoteKeyType)material[0], new Ed25519PublicKey(material.AsSpan(1)));
        if (parsed.KeyId != statedId)
        {
            error = new NoteError(NoteErrorKind.KeyIdMismatch, $"{what} for {name} states key ID {statedId:x8} but its key has ID {parsed.KeyId:x8}");
            return false;
        }

        key = parsed;
        error = null;
        return true;
    }

    // Go: len(hash16) == 8 and strconv.ParseUint(hash16, 16, 32), so both letter cases are accepted.
    internal static bool TryParseKeyId(ReadOnlySpan<char> hex, out uint keyId)
    {
        keyId = 0;
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return hex.Length == 8 && uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out keyId);
    }

    /// <summary>The verifier for this key: <see cref="Ed25519NoteVerifier"/> or <see cref="CosignatureV1Verifier"/>.</summary>
    public NoteVerifier CreateVerifier() => Type switch
    {
        NoteKeyType.Ed25519 => new Ed25519NoteVerifier(Name, PublicKey),
        NoteKeyType.CosignatureV1 => new CosignatureV1Verifier(Name, PublicKey),
        _ => throw new InvalidOperationException($"unsupported key type {Type}"),
    };

    public override string ToString()
    {
        var material = new byte[1 + Ed25519PublicKey.Size];
        material[0] = (byte)Type;
        PublicKey.Bytes.CopyTo(material.AsSpan(1));
        return string.Create(CultureInfo.InvariantCulture, $"{Name}+{KeyId:x8}+{Convert.ToBase64String(material)}");
    }

    public bool Equals(VerifierKey? other) =>
        other is not null && Type == other.Type && string.Equals(Name, other.Name, StringComparison.Ordinal) && PublicKey.Equals(other.PublicKey);

    public override bool Equals(object? obj) => Equals(obj as VerifierKey);

    public override int GetHashCode() => HashCode.Combine(Name, Type, KeyId);
}
