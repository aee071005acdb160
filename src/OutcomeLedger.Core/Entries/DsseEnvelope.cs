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
        var typeBytes = Encoding.UTF8.GetBytes(payloadType);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"DSSEv1 {typeBytes.Length} "));
        var middle = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $" {payload.Length} "));
        var pae = new byte[header.Length + typeBytes.Length + middle.Length + payload.Length];
        header.CopyTo(pae, 0);
        typeBytes.CopyTo(pae, header.Length);
        middle.CopyTo(pae, header.Length + typeBytes.Length);
        payload.CopyTo(pae.AsSpan(header.Length + typeBytes.Length + middle.Length));
        return pae;
    }

    public byte[] PreAuthenticationEncoding() => PreAuthenticationEncoding(PayloadType, Payload);

    /// <summary>The envelope as canonical JSON: the bytes of the log leaf.</summary>
    public byte[] ToCanonicalJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            // Members in RFC 8785 order: payload, payloadType, signatures; keyid, sig.
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

        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "the envelope is not a JSON object";
            return false;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("payload" or "payloadType" or "signatures"))
            {
                error = $"unknown envelope field '{property.Name}'";
                return false;
            }
        }

        if (!root.TryGetProperty("payloadType", out var type) || type.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(type.GetString()))
        {
            error = "payloadType: missing or not a string";
            return false;
        }

        if (!root.TryGetProperty("payload", out var payloadElement) || payloadElement.ValueKind != JsonValueKind.String
            || !TryBase64(payloadElement.GetString()!, out var payload))
        {
            error = "payload: missing or not standard base64";
            return false;
        }

        if (!root.TryGetProperty("signatures", out var signaturesElement) || signaturesElement.ValueKind != JsonValueKind.Array)
        {
            error = "signatures: missing or not an array";
            return false;
        }

        var signatures = new List<DsseSignature>();
        foreach (var item in signaturesElement.EnumerateArray())
        {
            if (signatures.Count == MaxSignatures)
            {
                error = $"signatures: more than {MaxSignatures}";
                return false;
            }

            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("keyid", out var keyId) || keyId.ValueKind != JsonValueKind.String
                || !item.TryGetProperty("sig", out var sig) || sig.ValueKind != JsonValueKind.String
                || !TryBase64(sig.GetString()!, out var signatureBytes)
                || item.EnumerateObject().Count() != 2)
            {
                error = $"signatures[{signatures.Count}]: needs exactly a string keyid and a base64 sig";
                return false;
            }

            signatures.Add(new DsseSignature(keyId.GetString()!, signatureBytes));
        }

        if (signatures.Count == 0)
        {
            error = "signatures: the envelope is not signed";
            return false;
        }

        envelope = new DsseEnvelope(type.GetString()!, payload, signatures);
        return true;
    }

    static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = [];
        try
        {
            bytes = Convert.FromBase64String(text);
            // One encoding only: re-encoding must give the same text (no stray padding bits or white space).
            return Convert.ToBase64String(bytes) == text;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
