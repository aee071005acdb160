using System.Security.Cryptography;
using System.Text;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Access;

/// <summary>
/// The API tokens of a ledger, over whichever <see cref="ITokenStore"/> keeps their hashes. Tokens are <c>olt_</c> +
/// id + <c>_</c> + 32 random bytes (base64url); the id lets an operator revoke one by name. A token is shown once,
/// when it is created, and only its SHA-256 is stored.
/// </summary>
public sealed class AccessTokens(ITokenStore store)
{
    public const string Prefix = "olt_";
    const int MaxTokenLength = 256;

    readonly ITokenStore _store = store ?? throw new ArgumentNullException(nameof(store));

    public Task<IReadOnlyList<AccessToken>> ListAsync(CancellationToken cancellationToken) => _store.ListAsync(cancellationToken);

    /// <summary>Creates a token and stores its hash; returns the token text, to be shown once.</summary>
    public async Task<(AccessToken Stored, string Token)> CreateAsync(PartyId party, AccessRole role, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var token = Prefix + id + "_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var stored = new AccessToken(id, party, role, HashOf(token), now);
        await _store.AddAsync(stored, cancellationToken);
        return (stored, token);
    }

    /// <summary>Marks a token revoked by its id; false if there is no such token.</summary>
    public Task<bool> RevokeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return _store.RevokeAsync(id, now, cancellationToken);
    }

    /// <summary>The live token whose hash matches the presented text, or null and why (unknown, malformed or revoked; never the token).</summary>
    public async Task<(AccessToken? Token, string Failure)> FindAsync(string presented, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (presented.Length is 0 or > MaxTokenLength || !presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return (null, "the bearer token is not an OutcomeLedger token");
        }

        var match = await _store.FindAsync(HashOf(presented), cancellationToken);
        if (match is null)
        {
            return (null, "the bearer token is not known to this ledger");
        }

        return match.IsRevoked ? (null, $"token {match.Id} was revoked") : (match, "");
    }

    public static string HashOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
