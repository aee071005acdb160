using Npgsql;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Storage.Postgres;

/// <summary>
/// The witness state of a PostgreSQL ledger: the <c>witness_state</c> table (migration 5). The compare-and-swap is one
/// conditional statement, so servers sharing the database cannot roll it back either.
/// </summary>
public sealed class PostgresWitnessState : IWitnessState
{
    readonly NpgsqlDataSource _dataSource;

    internal PostgresWitnessState(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    public Task<CosignedTreeHead?> GetAsync(string origin, CancellationToken cancellationToken) =>
        PostgresErrors.TranslateAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand("SELECT size, root FROM witness_state WHERE origin = @origin");
            command.Parameters.AddWithValue("origin", origin);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return (CosignedTreeHead?)null;
            }

            return Hash.TryFromBytes(reader.GetFieldValue<byte[]>(1), out var root)
                ? (CosignedTreeHead?)new CosignedTreeHead((ulong)reader.GetInt64(0), root)
                : throw new InvalidDataException($"witness_state: the root for '{origin}' is not a 32-byte hash");
        });

    public Task<bool> TryReplaceAsync(string origin, CosignedTreeHead? expected, CosignedTreeHead next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return PostgresErrors.TranslateAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand(expected is null
                ? "INSERT INTO witness_state (origin, size, root) VALUES (@origin, @size, @root) ON CONFLICT (origin) DO NOTHING"
                : "UPDATE witness_state SET size = @size, root = @root WHERE origin = @origin AND size = @old_size AND root = @old_root");
            command.Parameters.AddWithValue("origin", origin);
            command.Parameters.AddWithValue("size", checked((long)next.Size));
            command.Parameters.AddWithValue("root", next.Root.ToArray());
            if (expected is not null)
            {
                command.Parameters.AddWithValue("old_size", checked((long)expected.Value.Size));
                command.Parameters.AddWithValue("old_root", expected.Value.Root.ToArray());
            }

            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        });
    }
}
