namespace OutcomeLedger.Api.Features.Log;

/// <summary>An RFC 9162 §2.1.4 consistency proof between two tree sizes, hashes in base64.</summary>
public sealed record ConsistencyView(ulong From, ulong To, IReadOnlyList<string> Proof);
