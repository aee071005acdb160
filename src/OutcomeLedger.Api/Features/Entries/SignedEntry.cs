namespace OutcomeLedger.Api.Features.Entries;

/// <summary>
/// The shape of a submitted entry, for the OpenAPI document: a DSSE envelope as RFC 8785 canonical JSON (payload and
/// sig in standard base64), exactly the bytes EntryCodec.Sign produces. The server reads the raw bytes, not this type.
/// </summary>
public sealed record SignedEntry(string Payload, string PayloadType, IReadOnlyList<SignedEntrySignature> Signatures);
