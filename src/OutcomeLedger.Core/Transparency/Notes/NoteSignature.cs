using System.Buffers.Binary;

namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>
/// One signature line of a signed note, "— &lt;key name&gt; base64(key ID || signature)" (c2sp.org/signed-note).
/// Holding one does not mean it was verified; see <see cref="VerifiedNote"/>.
/// </summary>
public sealed class NoteSignature : IEquatable<NoteSignature>
{
    readonly byte[] _signature;

    public NoteSignature(string keyName, uint keyId, ReadOnlySpan<byte> signature)
    {
        if (!NoteKeyName.IsValid(keyName))
        {
            throw new ArgumentException("not a valid note key name", nameof(keyName));
        }

        if (signature.IsEmpty)
        {
            throw new ArgumentException("a note signature has at least one byte after the key ID", nameof(signature));
        }

        KeyName = keyName;
        KeyId = keyId;
        _signature = signature.ToArray();
    }

    public string KeyName { get; }

    public uint KeyId { get; }

    /// <summary>The signature bytes after the 4-byte key ID.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>base64(key ID || signature), as written on the signature line.</summary>
    public string ToBase64()
    {
        var raw = new byte[4 + _signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(raw, KeyId);
        _signature.CopyTo(raw, 4);
        return Convert.ToBase64String(raw);
    }

    /// <summary>The signature line, including its final newline.</summary>
    public string ToLine() => $"— {KeyName} {ToBase64()}\n";

    public bool Equals(NoteSignature? other) =>
        other is not null && KeyId == other.KeyId && string.Equals(KeyName, other.KeyName, StringComparison.Ordinal)
        && _signature.AsSpan().SequenceEqual(other._signature);

    public override bool Equals(object? obj) => Equals(obj as NoteSignature);

    public override int GetHashCode() => HashCode.Combine(KeyName, KeyId, _signature.Length);

    public override string ToString() => $"{KeyName}+{KeyId:x8}";
}
