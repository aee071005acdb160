namespace OutcomeLedger.Core.Access;

/// <summary>
/// Where a ledger keeps its API tokens: only their SHA-256 hashes, never the tokens. A ledger folder keeps them in a
/// file; a PostgreSQL ledger in its database, so every server sharing it sees a revocation at once.
/// </summary>
public interface ITokenStore
{
    /// <summary>Every stored token, revoked ones included, in the order they were created.</summary>
    Task<IReadOnlyList<AccessToken>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The stored token whose hash is <paramref name="sha256"/> (lowercase hex), or null.</summary>
    Task<AccessToken?> FindAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Stores a new token; its id must not be taken.</summary>
    Task AddAsync(AccessToken token, CancellationToken cancellationToken);

    /// <summary>Marks the token with this id revoked at <paramref name="at"/> (a second revocation keeps the first time); false when there is none.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
