using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NSec.Cryptography;
using OutcomeLedger.Core.Entries;

namespace OutcomeLedger.Core.Ledger;

/// <summary>Turns records into signed log entries (DSSE envelopes as canonical JSON) and back.</summary>
public static class EntryCodec
{
    /// <summary>The largest leaf the log takes; evidence goes to the blob store by hash, never inline.</summary>
    public const int MaxEntrySize = 64 * 1024;

    public const string PayloadTypePrefix = "application/vnd.outcomeledger.";

    public static string PayloadType(string kind) => PayloadTypePrefix + kind + "+json";

    /// <summary>The record as RFC 8785 canonical JSON.</summary>
    public static byte[] CanonicalPayload(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Written in canonical member order, the text is usually canonical already (checked in one pass); otherwise
        // (unsorted dictionary keys, characters the writer escapes) it is canonicalised. Same bytes either way.
        var json = JsonSerializer.SerializeToUtf8Bytes(record, RecordJson.Ordered.GetTypeInfo(record.GetType()));
        return CanonicalJson.IsCanonical(json) ? json : CanonicalJson.Canonicalize(json);
    }

    /// <summary>Signs a record with the author's key: the leaf bytes to submit.</summary>
    public static byte[] Sign(LedgerRecord record, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var payload = CanonicalPayload(record);
        var type = PayloadType(record.Kind);
        var signature = key.Sign(DsseEnvelope.PreAuthenticationEncoding(type, payload));
        return new DsseEnvelope(type, payload, [new DsseSignature(key.KeyId, signature)]).ToCanonicalJson();
    }

    /// <summary>
    /// Reads a leaf: size, envelope shape, payload type, canonical payload and the record's schema. Signatures are
    /// checked against the ledger's registered keys by the ledger, which knows them.
    /// </summary>
    public static bool TryOpen(ReadOnlySpan<byte> leaf, out DsseEnvelope? envelope, out LedgerRecord? record, out string error)
    {
        envelope = null;
        record = null;
        if (leaf.Length > MaxEntrySize)
        {
            error = $"the entry is {leaf.Length} bytes; at most {MaxEntrySize} are accepted (evidence goes to the blob store by hash)";
            return false;
        }

        if (!DsseEnvelope.TryParse(leaf, out envelope, out error))
        {
            return false;
        }

        if (!envelope!.PayloadType.StartsWith(PayloadTypePrefix, StringComparison.Ordinal) || !envelope.PayloadType.EndsWith("+json", StringComparison.Ordinal))
        {
            error = $"payloadType '{envelope.PayloadType}' is not an OutcomeLedger record type";
            return false;
        }

        if (!CanonicalJson.IsCanonical(envelope.Payload))
        {
            error = "payload: not RFC 8785 canonical JSON";
            return false;
        }

        if (TryReadKnownKind(envelope, out record))
        {
            error = "";
            return true;
        }

        return TryReadAnyKind(envelope, out record, out error);
    }

    /// <summary>
    /// Reads any payload of an OutcomeLedger type into its record, naming what is wrong with it. Read with the generated
    /// metadata, where a member the payload omits is <c>null</c> or <c>0</c> rather than its initializer (as reflection
    /// read it, dotnet/runtime#84484): the outcome and the error are reflection's, because a payload that omits a member
    /// with an initializer is refused either way as not canonical (our writer writes every member that is not null),
    /// and the version checked is the one the payload states, or, if it states none, the one reflection assumed.
    /// </summary>
    internal static bool TryReadAnyKind(DsseEnvelope envelope, out LedgerRecord? record, out string error)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        record = null;
        try
        {
            RecordJson.OmittedInitialized = false;
            record = JsonSerializer.Deserialize(envelope.Payload, AnyKind);
        }
        catch (JsonException e)
        {
            error = "payload: " + Describe(e);
            return false;
        }
        catch (NotSupportedException e)
        {
            error = "payload: " + e.Message;
            return false;
        }

        if (record is null)
        {
            error = "payload: null";
            return false;
        }

        var omitted = RecordJson.OmittedInitialized;
        var schema = record.Schema == default && !StatesSchema(envelope.Payload) ? LedgerRecord.CurrentSchema : record.Schema;
        if (schema != LedgerRecord.CurrentSchema)
        {
            error = $"schema: version {record.Schema} is not supported (this build reads version {LedgerRecord.CurrentSchema})";
            return false;
        }

        if (PayloadType(record.Kind) != envelope.PayloadType)
        {
            error = $"payloadType '{envelope.PayloadType}' does not match the record kind '{record.Kind}'";
            return false;
        }

        // A never-null member the payload omits, read as null: reflection kept its initializer and wrote it back.
        if (omitted || !CanonicalPayload(record).AsSpan().SequenceEqual(envelope.Payload))
        {
            // The payload holds something our schema would write differently (e.g. an explicit default): one record, one encoding.
            error = "payload: not in the schema's canonical form";
            return false;
        }

        error = "";
        return true;
    }

    static readonly JsonTypeInfo<LedgerRecord> AnyKind = (JsonTypeInfo<LedgerRecord>)RecordJson.AnyKind.GetTypeInfo(typeof(LedgerRecord));

    static bool StatesSchema(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("schema", out _);
    }

    /// <summary>
    /// The common case, read directly: the payload type names a known kind, the payload is that kind's record, and the
    /// record written back is the payload. Anything else (including every error) takes the general path, which names it.
    /// </summary>
    internal static bool TryReadKnownKind(DsseEnvelope envelope, out LedgerRecord? record)
    {
        record = null;
        var kind = envelope.PayloadType[PayloadTypePrefix.Length..^"+json".Length];
        if (!RecordJson.RecordTypes.TryGetValue(kind, out var type))
        {
            return false;
        }

        byte[] written;
        try
        {
            var info = RecordJson.Ordered.GetTypeInfo(type);
            record = JsonSerializer.Deserialize(envelope.Payload, info) as LedgerRecord;
            if (record is null || record.Schema != LedgerRecord.CurrentSchema)
            {
                record = null;
                return false;
            }

            // A payload that omits a property with an initializer reads it as null here (see RecordJsonContext): the
            // nullable annotations refuse to write that back, and the general path names what is missing.
            written = JsonSerializer.SerializeToUtf8Bytes(record, info);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            record = null;
            return false;
        }

        if (!written.AsSpan().SequenceEqual(envelope.Payload) && !CanonicalJson.Canonicalize(written).AsSpan().SequenceEqual(envelope.Payload))
        {
            record = null;
            return false;
        }

        return true;
    }

    /// <summary>Checks one DSSE signature of the envelope against a raw Ed25519 public key.</summary>
    public static bool VerifySignature(DsseEnvelope envelope, DsseSignature signature, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Signature.Length != 64 || publicKey.Length != 32)
        {
            return false;
        }

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(key, envelope.PreAuthenticationEncoding(), signature.Signature);
    }

    static string Describe(JsonException e)
    {
        var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : e.Path.TrimStart('$', '.') + ": ";
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return path + (cut > 0 ? message[..cut] : message);
    }
}
