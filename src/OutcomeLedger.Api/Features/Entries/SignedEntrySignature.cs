using System.Text.Json.Serialization;

namespace OutcomeLedger.Api.Features.Entries;

/// <summary>One DSSE signature of a <see cref="SignedEntry"/>: the author's key id and the Ed25519 signature.</summary>
public sealed record SignedEntrySignature([property: JsonPropertyName("keyid")] string KeyId, string Sig);
