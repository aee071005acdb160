using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Entries;

/// <summary>The key id used in DSSE signatures: "ed25519:" and the hex SHA-256 of the raw public key.</summary>
public static class EntryKeyId
{
    public static string Of(ReadOnlySpan<byte> publicKey) => "ed25519:" + Rfc6962.Sha256Of(publicKey).ToHex();
}
