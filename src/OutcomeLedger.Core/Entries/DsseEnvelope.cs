using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OutcomeLedger.Core.Entries;

/// <summary>One DSSE signature: the key id and the Ed25519 signature over the pre-authentication encoding.</summary>
public sealed record DsseSignature(string KeyId, byte[] Signature);

/// <summary>
/// A DSSE envelope (github.com/secure-systems-lab/dsse, protocol v1): a typed payload and signatures over
/// PAE(payloadType, payload). Serialised as RFC 8785 canonical JSON, it is one leaf of the log.
/// </summary>
public sealed class DsseEnvelope
{
    public const int MaxSignatures = 4;

    public DsseEnvelope(string payloadType, byte[] payload, IReadOnlyList<DsseSignature> signatures)
    {
        ArgumentException.ThrowIfNullOrEmpty(payloadType);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(signatures);
        PayloadType = payloadType;
        Payload = payload;
        Signatures = signatures;
    }

    public string PayloadType { get; }

    public byte[] Payload { get; }

    public IReadOnlyList<DsseSignature> Signatures { get; }

    /// <summary>PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body.</summary>
    public static byte[] PreAuthenticationEncoding(string payloadType, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(payloadType);
        var typeLength = Encoding.UTF8.GetByteCount(payloadType);
        Span<byte> typeDigits = stackalloc byte[11];
        Span<byte> payloadDigits = stackalloc byte[11];
        typeDigits = typeDigits[..Digits(typeLength, typeDigits)];
        payloadDigits = payloadDigits[..Digits(payload.Length, payloadDigits)];
        var pae = new byte["DSSEv1 ".Length + typeDigits.Length + 1 + typeLength + 1 + payloadDigits.Length + 1 + payload.Length];
        var at = 0;
        Append(pae, ref at, "DSSEv1 ");
        typeDigits.CopyTo(pae.AsSpan(at));
        at += typeDigits.Length;
        pae[at++] = (byte)' ';
        at += Encoding.UTF8.GetBytes(payloadType, pae.AsSpan(at));
        pae[at++] = (byte)' ';
        payloadDigits.CopyTo(pae.AsSpan(at));
        at += payloadDigits.Length;
        pae[at++] = (byte)' ';
        payload.CopyTo(pae.AsSpan(at));
        return pae;
    }

    static int Digits(int value, Span<byte> destination) =>
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture) ? written : throw new InvalidOperationException("a length did not fit");

    public byte[] PreAuthenticationEncoding() => PreAuthenticationEncoding(PayloadType, Payload);

    /// <summary>The envelope as canonical JSON: the bytes of the log leaf.</summary>
    public byte[] ToCanonicalJson()
    {
        // Members in RFC 8785 order: payload, payloadType, signatures; keyid, sig. Base64 never needs escaping, and
        // printable ASCII other than '"' and '\\' is written as it is, so such an envelope is canonical as written.
        if (IsPlain(PayloadType) && Signatures.All(s => IsPlain(s.KeyId)))
        {
            var length = 2 + Member("payload", Base64Length(Payload.Length)) + 1 + Member("payloadType", PayloadType.Length) + 1 + "\"signatures\":[]".Length
                + Signatures.Sum(s => 2 + Member("keyid", s.KeyId.Length) + 1 + Member("sig", Base64Length(s.Signature.Length))) + Math.Max(0, Signatures.Count - 1);
            var json = new byte[length];
            var at = 0;
            Append(json, ref at, "{\"payload\":\"");
            at += EncodeBase64(Payload, json.AsSpan(at));
            Append(json, ref at, "\",\"payloadType\":\"");
            Append(json, ref at, PayloadType);
            Append(json, ref at, "\",\"signatures\":[");
            for (var i = 0; i < Signatures.Count; i++)
            {
                Append(json, ref at, i == 0 ? "{\"keyid\":\"" : ",{\"keyid\":\"");
                Append(json, ref at, Signatures[i].KeyId);
                Append(json, ref at, "\",\"sig\":\"");
                at += EncodeBase64(Signatures[i].Signature, json.AsSpan(at));
                Append(json, ref at, "\"}");
            }

            Append(json, ref at, "]}");
            return at == length ? json : throw new InvalidOperationException("the envelope's length was miscounted");
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("payload", Convert.ToBase64String(Payload));
            writer.WriteString("payloadType", PayloadType);
            writer.WriteStartArray("signatures");
            foreach (var signature in Signatures)
            {
                writer.WriteStartObject();
                writer.WriteString("keyid", signature.KeyId);
                writer.WriteString("sig", Convert.ToBase64String(signature.Signature));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        // Utf8JsonWriter escapes some characters RFC 8785 leaves alone; canonicalise to be exact.
        return CanonicalJson.Canonicalize(stream.ToArray());
    }

    /// <summary>Parses a leaf: canonical JSON of exactly this shape, or an error naming the field.</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out DsseEnvelope? envelope, out string error)
    {
        envelope = null;
        error = "";
        if (!CanonicalJson.IsCanonical(json))
        {
            error = "the envelope is not RFC 8785 canonical JSON";
            return false;
        }

        // Canonical, so well-formed and without repeated names. First every name, then the fields in a fixed order,
        // so the error named is the same whatever else is wrong.
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = "the envelope is not a JSON object";
            return false;
        }

        var members = reader;
        while (members.Read() && members.TokenType == JsonTokenType.PropertyName)
        {
            if (!(members.ValueTextEquals("payload"u8) || members.ValueTextEquals("payloadType"u8) || members.ValueTextEquals("signatures"u8)))
            {
                error = $"unknown envelope field '{members.GetString()}'";
                return false;
            }

            members.Read();
            members.Skip();
        }

        string? type = null;
        byte[]? payload = null;
        var signaturesAt = default(Utf8JsonReader);
        var hasSignatures = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("payloadType"u8);
            var isPayload = reader.ValueTextEquals("payload"u8);
            var isSignatures = reader.ValueTextEquals("signatures"u8);
            reader.Read();
            if (isType && reader.TokenType == JsonTokenType.String)
            {
                type = reader.GetString();
            }
            else if (isPayload && reader.TokenType == JsonTokenType.String)
            {
                payload = TryBase64(ref reader, out var bytes) ? bytes : null;
            }
            else if (isSignatures && reader.TokenType == JsonTokenType.StartArray)
            {
                signaturesAt = reader;
                hasSignatures = true;
            }

            reader.Skip();
        }

        if (string.IsNullOrEmpty(type))
        {
            error = "payloadType: missing or not a string";
            return false;
        }

        if (payload is null)
        {
            error = "payload: missing or not standard base64";
            return false;
        }

        var items = signaturesAt;
        if (!hasSignatures)
        {
            error = "signatures: missing or not an array";
            return false;
        }

        var signatures = new List<DsseSignature>(1);
        while (items.Read() && items.TokenType != JsonTokenType.EndArray)
        {
            if (signatures.Count == MaxSignatures)
            {
                error = $"signatures: more than {MaxSignatures}";
                return false;
            }

            if (!TryReadSignature(ref items, out var signature))
            {
                error = $"signatures[{signatures.Count}]: needs exactly a string keyid and a base64 sig";
                return false;
            }

            signatures.Add(signature!);
        }

        if (signatures.Count == 0)
        {
            error = "signatures: the envelope is not signed";
            return false;
        }

        envelope = new DsseEnvelope(type, payload, signatures);
        return true;
    }

    // {"keyid": string, "sig": base64}, nothing else; leaves the reader on the item's last token.
    static bool TryReadSignature(ref Utf8JsonReader reader, out DsseSignature? signature)
    {
        signature = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }

        string? keyId = null;
        byte[]? sig = null;
        var members = 0;
        var valid = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            members++;
            var isKeyId = reader.ValueTextEquals("keyid"u8);
            var isSig = reader.ValueTextEquals("sig"u8);
            reader.Read();
            if (isKeyId && reader.TokenType == JsonTokenType.String)
            {
                keyId = reader.GetString();
            }
            else if (isSig && reader.TokenType == JsonTokenType.String && TryBase64(ref reader, out var bytes))
            {
                sig = bytes;
            }
            else
            {
                valid = false;
            }

            reader.Skip();
        }

        if (!valid || members != 2 || keyId is null || sig is null)
        {
            return false;
        }

        signature = new DsseSignature(keyId, sig);
        return true;
    }

    // Standard base64 with one encoding only: re-encoding must give the same text (no stray padding bits or white space).
    static bool TryBase64(ref Utf8JsonReader reader, out byte[] bytes)
    {
        bytes = [];
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return false;
        }

        var text = reader.ValueSpan;
        var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
        if (Base64.DecodeFromUtf8(text, decoded, out var consumed, out var written) != OperationStatus.Done || consumed != text.Length)
        {
            return false;
        }

        bytes = written == decoded.Length ? decoded : decoded[..written];
        var again = text.Length <= 512 ? stackalloc byte[text.Length] : new byte[text.Length];
        return Base64.EncodeToUtf8(bytes, again, out _, out var encoded) == OperationStatus.Done && encoded == text.Length && again.SequenceEqual(text);
    }

    static bool IsPlain(string text) => !text.AsSpan().ContainsAnyExceptInRange(' ', '~') && !text.AsSpan().ContainsAny('"', '\\');

    static int Base64Length(int bytes) => (bytes + 2) / 3 * 4;

    // "name":"value" with a value of the given length.
    static int Member(string name, int valueLength) => name.Length + 5 + valueLength;

    static int EncodeBase64(byte[] bytes, Span<byte> destination) =>
        Base64.EncodeToUtf8(bytes, destination, out _, out var written) == OperationStatus.Done ? written : throw new InvalidOperationException("base64 did not fit");

    static void Append(byte[] json, ref int at, string ascii) => at += Encoding.ASCII.GetBytes(ascii, json.AsSpan(at));
}
