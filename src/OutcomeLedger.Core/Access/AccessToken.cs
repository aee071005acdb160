using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Access;

/// <summary>
/// A stored token: its public id, the party and role it acts for, and the SHA-256 (hex) of the secret token text.
/// The token itself is shown once, at creation, and never stored.
/// </summary>
public sealed record AccessToken(string Id, PartyId Party, AccessRole Role, string Sha256, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;
}
