using System.Buffers.Binary;
using System.Text;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>Key IDs: SHA-256(key name || 0x0A || signature type || public key)[:4], big-endian (c2sp.org/signed-note).</summary>
public static class NoteKeyId
{
    public static uint Compute(string name, NoteKeyType type, Ed25519PublicKey? publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return Compute(name, type, publicKey.Bytes);
    }

    public static uint Compute(string name, NoteKeyType type, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameLength = Encoding.UTF8.GetByteCount(name);
        var length = nameLength + 2 + publicKey.Length;
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(name, buffer);
        buffer[nameLength] = (byte)'\n';
        buffer[nameLength + 1] = (byte)type;
        publicKey.CopyTo(buffer[(nameLength + 2)..]);
        Span<byte> digest = stackalloc byte[Hash.Size];
        Rfc6962.Sha256Of(buffer).CopyTo(digest);
        return BinaryPrimitives.ReadUInt32BigEndian(digest);
    }
}
