using System.Data.Common;
using Npgsql;

namespace OutcomeLedger.Storage.Postgres;

/// <summary>
/// The shared store on PostgreSQL. Writers serialise on the log head row (the append is a compare-and-swap of its
/// size inside the transaction), so several servers can share one database without forking the log.
/// </summary>
public sealed class PostgresLogStore : RelationalLogStore
{
    readonly NpgsqlDataSource _dataSource;
    readonly string _connectionString;

    PostgresLogStore(string connectionString)
    {
        _connectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    protected override string Engine => "postgres";

    public static async Task<PostgresLogStore> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var store = new PostgresLogStore(connectionString);
        try
        {
            // Two processes migrating at once: the advisory lock makes the second wait, then find nothing to do.
            await using var connection = await store._dataSource.OpenConnectionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(7271)", connection))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await store.MigrateAsync(cancellationToken);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(7271)", connection))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>The queue through which several servers on this database submit to the one sequencer.</summary>
    public PostgresEntryQueue Queue() => new(_dataSource, _connectionString);

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override ValueTask ReleaseConnectionAsync(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.DisposeAsync();
    }

    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await ((NpgsqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        // Take the head row first: concurrent appends queue here instead of failing later.
        await ExecuteAsync(connection, transaction, "SELECT size FROM log_head WHERE id = 1 FOR UPDATE", cancellationToken);
        return transaction;
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
