using System.Security.Cryptography;
using NSec.Cryptography;

namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>An Ed25519 signing key (RFC 8032), held by libsodium through NSec; signatures are deterministic.</summary>
public sealed class Ed25519PrivateKey : IDisposable
{
    public const int SeedSize = 32;

    readonly Key _key;

    Ed25519PrivateKey(Key key)
    {
        _key = key;
        PublicKey = new Ed25519PublicKey(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public Ed25519PublicKey PublicKey { get; }

    /// <summary>Creates the key from its 32-byte RFC 8032 seed (the private key of §5.1.5).</summary>
    public static Ed25519PrivateKey FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"an Ed25519 seed is {SeedSize} bytes, got {seed.Length}", nameof(seed));
        }

        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        return new Ed25519PrivateKey(Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, in parameters));
    }

    /// <summary>Generates a new key from the operating system's cryptographic random source.</summary>
    public static Ed25519PrivateKey Generate()
    {
        Span<byte> seed = stackalloc byte[SeedSize];
        RandomNumberGenerator.Fill(seed);
        try
        {
            return FromSeed(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>The 32-byte seed; the caller must keep it secret and should clear it after use.</summary>
    public byte[] ExportSeed() => _key.Export(KeyBlobFormat.RawPrivateKey);

    public byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    public void Sign(ReadOnlySpan<byte> message, Span<byte> signature) => SignatureAlgorithm.Ed25519.Sign(_key, message, signature);

    public void Dispose() => _key.Dispose();
}
