using Npgsql;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Storage.Postgres;

/// <summary>The token store of a PostgreSQL ledger: the <c>access_tokens</c> table (migration 5), hashes only.</summary>
public sealed class PostgresTokenStore : ITokenStore
{
    readonly NpgsqlDataSource _dataSource;

    internal PostgresTokenStore(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    public Task<IReadOnlyList<AccessToken>> ListAsync(CancellationToken cancellationToken) =>
        PostgresErrors.TranslateAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand("SELECT id, party, role, sha256, created_at, revoked_at FROM access_tokens ORDER BY ordinal");
            return await ReadAsync(command, cancellationToken);
        });

    public Task<AccessToken?> FindAsync(string sha256, CancellationToken cancellationToken) =>
        PostgresErrors.TranslateAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand("SELECT id, party, role, sha256, created_at, revoked_at FROM access_tokens WHERE sha256 = @sha256");
            command.Parameters.AddWithValue("sha256", sha256);
            return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
        });

    public Task AddAsync(AccessToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return PostgresErrors.TranslateAsync(async () =>
        {
            await using var command = Insert(token, "");
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        });
    }

    // One INSERT for both a new token and an imported one; `onConflict` is a fixed SQL clause, never input.
    NpgsqlCommand Insert(AccessToken token, string onConflict)
    {
        var command = _dataSource.CreateCommand(
            "INSERT INTO access_tokens (id, party, role, sha256, created_at, revoked_at) VALUES (@id, @party, @role, @sha256, @created, @revoked)" + onConflict);
        command.Parameters.AddWithValue("id", token.Id);
        command.Parameters.AddWithValue("party", token.Party.Value);
        command.Parameters.AddWithValue("role", RoleName(token.Role));
        command.Parameters.AddWithValue("sha256", token.Sha256);
        command.Parameters.AddWithValue("created", token.CreatedAt.ToUniversalTime());
        command.Parameters.AddWithValue("revoked", (object?)token.RevokedAt?.ToUniversalTime() ?? DBNull.Value);
        return command;
    }

    /// <summary>Adds those of <paramref name="tokens"/> whose id and hash are not stored yet (an earlier version's <c>tokens.json</c>).</summary>
    internal Task ImportAsync(IReadOnlyList<AccessToken> tokens, CancellationToken cancellationToken) =>
        PostgresErrors.TranslateAsync(async () =>
        {
            foreach (var token in tokens)
            {
                await using var command = Insert(token, " ON CONFLICT DO NOTHING");
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        });

    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        PostgresErrors.TranslateAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand("UPDATE access_tokens SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id");
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("at", at.ToUniversalTime());
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        });

    static async Task<IReadOnlyList<AccessToken>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<AccessToken>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(new AccessToken(
                reader.GetString(0),
                new PartyId(reader.GetString(1)),
                Enum.Parse<AccessRole>(reader.GetString(2), ignoreCase: true),
                reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return tokens;
    }

    static string RoleName(AccessRole role) => role.ToString().ToLowerInvariant();
}
