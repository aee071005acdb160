using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;

namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>
/// Strict RFC 4648 §4 base64 for the note formats: standard alphabet, '=' padding required, no whitespace (which
/// .NET's decoders would skip) and canonical trailing bits (RFC 4648 §3.5), so each byte string has one spelling.
/// </summary>
internal static class CanonicalBase64
{
    public static bool TryDecode(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (utf8.IsEmpty || utf8.Length % 4 != 0)
        {
            return false;
        }

        var padding = utf8[^1] == '=' ? (utf8[^2] == '=' ? 2 : 1) : 0;
        foreach (var c in utf8[..^padding])
        {
            if (!IsAlphabet(c))
            {
                return false;
            }
        }

        var decoded = new byte[(utf8.Length / 4 * 3) - padding];
        if (Base64.DecodeFromUtf8(utf8, decoded, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != utf8.Length || written != decoded.Length)
        {
            return false;
        }

        // Non-zero bits in the last symbol before padding give a second spelling of the same bytes.
        Span<byte> last = stackalloc byte[4];
        if (padding > 0)
        {
            Base64.EncodeToUtf8(decoded.AsSpan(decoded.Length - (3 - padding)), last, out _, out _);
            if (!last.SequenceEqual(utf8[^4..]))
            {
                return false;
            }
        }

        bytes = decoded;
        return true;
    }

    public static bool TryDecode(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        var ascii = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                return false;
            }

            ascii[i] = (byte)text[i];
        }

        return TryDecode(ascii, out bytes);
    }

    static bool IsAlphabet(byte c) =>
        c is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'/';
}
