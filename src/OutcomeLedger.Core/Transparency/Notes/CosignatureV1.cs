using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;

namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>
/// The tlog-cosignature/v1 signed message and signature layout (c2sp.org/tlog-cosignature): the signature is
/// u64 timestamp (big-endian seconds since the epoch) || Ed25519 signature over
/// "cosignature/v1\ntime &lt;timestamp&gt;\n" followed by the whole checkpoint body.
/// </summary>
public static class CosignatureV1
{
    /// <summary>The size of a timestamped_signature: 8-byte timestamp and 64-byte Ed25519 signature.</summary>
    public const int SignatureSize = 8 + Ed25519PublicKey.SignatureSize;

    // "cosignature/v1\ntime " + at most 20 decimal digits + "\n".
    const int MaxHeaderSize = 20 + 20 + 1;
    const int StackLimit = 1024;

    static ReadOnlySpan<byte> HeaderPrefix => "cosignature/v1\ntime "u8;

    /// <summary>The exact bytes a witness signs for <paramref name="checkpointBody"/> at <paramref name="timestamp"/>.</summary>
    public static byte[] SignedMessage(ReadOnlySpan<byte> checkpointBody, ulong timestamp)
    {
        Span<byte> header = stackalloc byte[MaxHeaderSize];
        var headerLength = WriteHeader(timestamp, header);
        var message = new byte[headerLength + checkpointBody.Length];
        header[..headerLength].CopyTo(message);
        checkpointBody.CopyTo(message.AsSpan(headerLength));
        return message;
    }

    /// <summary>Cosigns <paramref name="checkpointBody"/>; returns the 72-byte timestamped_signature.</summary>
    public static byte[] Sign(Ed25519PrivateKey key, ReadOnlySpan<byte> checkpointBody, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (checkpointBody.IsEmpty || checkpointBody[^1] != '\n' || checkpointBody.Count((byte)'\n') < 3)
        {
            throw new ArgumentException("a cosigned checkpoint body is at least three newline-terminated lines", nameof(checkpointBody));
        }

        var message = SignedMessage(checkpointBody, timestamp);
        var signature = new byte[SignatureSize];
        BinaryPrimitives.WriteUInt64BigEndian(signature, timestamp);
        key.Sign(message, signature.AsSpan(8));
        return signature;
    }

    /// <summary>Checks an Ed25519 cosignature made at <paramref name="timestamp"/> over <paramref name="checkpointBody"/>.</summary>
    public static bool Verify(Ed25519PublicKey key, ReadOnlySpan<byte> checkpointBody, ulong timestamp, ReadOnlySpan<byte> ed25519Signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Same shape check as transparency-dev/formats: a body with fewer than three lines is never cosigned.
        if (!HasCheckpointShape(checkpointBody) || ed25519Signature.Length != Ed25519PublicKey.SignatureSize)
        {
            return false;
        }

        var length = MaxHeaderSize + checkpointBody.Length;
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var headerLength = WriteHeader(timestamp, buffer);
            checkpointBody.CopyTo(buffer[headerLength..]);
            return key.Verify(buffer[..(headerLength + checkpointBody.Length)], ed25519Signature);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads the timestamp of a cosignature (the 72 bytes after the key ID); false when the size is wrong.</summary>
    public static bool TryReadTimestamp(ReadOnlySpan<byte> signature, out ulong timestamp)
    {
        timestamp = 0;
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature);
        return true;
    }

    static int WriteHeader(ulong timestamp, Span<byte> destination)
    {
        HeaderPrefix.CopyTo(destination);
        // Utf8Formatter writes plain decimal without leading zeros, as the spec requires.
        Utf8Formatter.TryFormat(timestamp, destination[HeaderPrefix.Length..], out var digits);
        var length = HeaderPrefix.Length + digits;
        destination[length] = (byte)'\n';
        return length + 1;
    }

    static bool HasCheckpointShape(ReadOnlySpan<byte> body) => body.Count((byte)'\n') >= 2;
}
