namespace OutcomeLedger.Api.Features.Parties;

/// <summary>One entry-signing key of a party.</summary>
public sealed record PartyKeyView(string KeyId, string PublicKey, ulong? RevokedAt);
