using NSec.Cryptography;

namespace OutcomeLedger.Core.Entries;

/// <summary>An Ed25519 private key that signs ledger entries, with the key id that names it in DSSE signatures.</summary>
public sealed class SigningKey : IDisposable
{
    static readonly Ed25519 Algorithm = SignatureAlgorithm.Ed25519;
    readonly Key _key;

    SigningKey(Key key)
    {
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = EntryKeyId.Of(PublicKey);
    }

    /// <summary>The raw 32-byte public key.</summary>
    public byte[] PublicKey { get; }

    public string KeyId { get; }

    public static SigningKey Generate() =>
        new(Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>From a 32-byte Ed25519 seed.</summary>
    public static SigningKey FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32)
        {
            throw new ArgumentException("an Ed25519 seed is 32 bytes", nameof(seed));
        }

        return new(Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));
    }

    /// <summary>The 32-byte seed, for writing to a key file with owner-only permissions.</summary>
    public byte[] ExportSeed() => _key.Export(KeyBlobFormat.RawPrivateKey);

    public byte[] Sign(ReadOnlySpan<byte> message) => Algorithm.Sign(_key, message);

    public void Dispose() => _key.Dispose();

    /// <summary>Never the key itself.</summary>
    public override string ToString() => $"Ed25519 key {KeyId}";
}
