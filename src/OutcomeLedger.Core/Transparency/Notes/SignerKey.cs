using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>
/// A private signer key in Go's note format, "PRIVATE+KEY+&lt;name&gt;+&lt;key ID&gt;+base64(type byte || 32-byte seed)"
/// (golang.org/x/mod/sumdb/note NewSigner; type 0x04 as in transparency-dev/formats NewSignerForCosignatureV1).
/// The key ID is that of the public key. Owns its private key: dispose it.
/// </summary>
public sealed class SignerKey : IDisposable
{
    const string Prefix = "PRIVATE+KEY+";

    SignerKey(string name, NoteKeyType type, Ed25519PrivateKey privateKey)
    {
        Name = name;
        Type = type;
        PrivateKey = privateKey;
        VerifierKey = VerifierKey.Create(name, type, privateKey.PublicKey);
    }

    public string Name { get; }

    public NoteKeyType Type { get; }

    public uint KeyId => VerifierKey.KeyId;

    public Ed25519PrivateKey PrivateKey { get; }

    /// <summary>The matching public verifier key, safe to publish.</summary>
    public VerifierKey VerifierKey { get; }

    /// <summary>Generates a new key for <paramref name="name"/> from the operating system's random source.</summary>
    public static SignerKey Generate(string name, NoteKeyType type = NoteKeyType.Ed25519)
    {
        if (!NoteKeyName.IsValid(name))
        {
            throw new ArgumentException("not a valid note key name", nameof(name));
        }

        var privateKey = Ed25519PrivateKey.Generate();
        try
        {
            return new SignerKey(name, type, privateKey);
        }
        catch
        {
            privateKey.Dispose();
            throw;
        }
    }

    /// <summary>Creates the key from a known 32-byte seed (tests, key import).</summary>
    public static SignerKey FromSeed(string name, NoteKeyType type, ReadOnlySpan<byte> seed)
    {
        if (!NoteKeyName.IsValid(name))
        {
            throw new ArgumentException("not a valid note key name", nameof(name));
        }

        var privateKey = Ed25519PrivateKey.FromSeed(seed);
        try
        {
            return new SignerKey(name, type, privateKey);
        }
        catch
        {
            privateKey.Dispose();
            throw;
        }
    }

    /// <summary>Parses a private key string. Error messages never contain key material.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SignerKey? key, [NotNullWhen(false)] out NoteError? error)
    {
        key = null;
        if (text is null || text.Length > VerifierKey.MaxLength || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = new NoteError(NoteErrorKind.MalformedKey, "signer key does not start with PRIVATE+KEY+ or is too long");
            return false;
        }

        var rest = text.AsSpan(Prefix.Length);
        var first = rest.IndexOf('+');
        var second = first < 0 ? -1 : rest[(first + 1)..].IndexOf('+');
        if (second < 0)
        {
            error = new NoteError(NoteErrorKind.MalformedKey, "signer key is not PRIVATE+KEY+name+keyid+key");
            return false;
        }

        second += first + 1;
        var name = rest[..first].ToString();
        if (!NoteKeyName.IsValid(name))
        {
            error = new NoteError(NoteErrorKind.MalformedKey, "signer key has an invalid key name");
            return false;
        }

        if (!VerifierKey.TryParseKeyId(rest[(first + 1)..second], out var statedId))
        {
            error = new NoteError(NoteErrorKind.MalformedKey, $"signer key for {name} has a key ID that is not 8 hex digits");
            return false;
        }

        if (!CanonicalBase64.TryDecode(rest[(second + 1)..], out var material) || material.Length < 2)
        {
            error = new NoteError(NoteErrorKind.MalformedKey, $"signer key for {name} has malformed base64 key material");
            return false;
        }

        try
        {
            if (material[0] is not ((byte)NoteKeyType.Ed25519 or (byte)NoteKeyType.CosignatureV1))
            {
                error = new NoteError(NoteErrorKind.UnknownKeyType, $"signer key for {name} has unsupported signature type 0x{material[0]:x2}");
                return false;
            }

            if (material.Length != 1 + Ed25519PrivateKey.SeedSize)
            {
                error = new NoteError(NoteErrorKind.MalformedKey, $"signer key for {name} does not hold a {Ed25519PrivateKey.SeedSize}-byte seed");
                return false;
            }

            var parsed = FromSeed(name, (NoteKeyType)material[0], material.AsSpan(1));
            if (parsed.KeyId != statedId)
            {
                parsed.Dispose();
                error = new NoteError(NoteErrorKind.KeyIdMismatch, $"signer key for {name} states key ID {statedId:x8} but its public key has ID {parsed.KeyId:x8}");
                return false;
            }

            key = parsed;
            error = null;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>The secret key string; keep it out of logs and error messages.</summary>
    public string FormatPrivate()
    {
        var material = new byte[1 + Ed25519PrivateKey.SeedSize];
        var seed = PrivateKey.ExportSeed();
        try
        {
            material[0] = (byte)Type;
            seed.CopyTo(material, 1);
            return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Name}+{KeyId:x8}+{Convert.ToBase64String(material)}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>A note signer for this key; cosignature keys need the clock that stamps each cosignature.</summary>
    public NoteSigner CreateSigner(TimeProvider? time = null) => Type switch
    {
        NoteKeyType.Ed25519 => new Ed25519NoteSigner(Name, PrivateKey),
        NoteKeyType.CosignatureV1 => new CosignatureV1Signer(Name, PrivateKey, time ?? throw new ArgumentNullException(nameof(time), "a cosignature signer needs a TimeProvider")),
        _ => throw new InvalidOperationException($"unsupported key type {Type}"),
    };

    /// <summary>Names the key without revealing it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}+{KeyId:x8} (private)");

    public void Dispose() => PrivateKey.Dispose();
}
