using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

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

    /// <summary>
    /// Appended rows (the leaves) go in by one binary COPY inside the batch's transaction: no statement per row to
    /// parse and plan, and a duplicate key fails the COPY, so the whole batch rolls back as before.
    /// </summary>
    protected override Task WriteRowsAsync(DbConnection connection, DbTransaction transaction, RowWrite write, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(rows);
        return write.Suffix.Length == 0
            ? CopyAsync((NpgsqlConnection)connection, write, write.Table, rows, cancellationToken)
            : base.WriteRowsAsync(connection, transaction, write, rows, cancellationToken);
    }

    // COPY … FROM STDIN joins the connection's open transaction. An importer disposed before CompleteAsync (a row that
    // cannot be written, a cancellation) cancels the COPY, and the server refuses the whole COPY on a duplicate key.
    static async Task CopyAsync(NpgsqlConnection connection, RowWrite write, string table, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        using var row = rows.GetEnumerator();
        if (!row.MoveNext())
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", write.Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        do
        {
            await importer.StartRowAsync(cancellationToken);
            var values = row.Current;
            for (var i = 0; i < values.Length; i++)
            {
                // Binary COPY sends no type names: each value's type must be its column's (BIGINT, INTEGER, TEXT, BYTEA).
                var written = values[i] switch
                {
                    long value => importer.WriteAsync(value, NpgsqlDbType.Bigint, cancellationToken),
                    int value => importer.WriteAsync(value, NpgsqlDbType.Integer, cancellationToken),
                    string value => importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken),
                    byte[] value => importer.WriteAsync(value, NpgsqlDbType.Bytea, cancellationToken),
                    DBNull => importer.WriteNullAsync(cancellationToken),
                    var other => throw new ArgumentException($"{write.Table}.{write.Columns[i]}: a {other?.GetType().Name ?? "null"} cannot be stored", nameof(rows)),
                };
                await written;
            }
        }
        while (row.MoveNext());

        await importer.CompleteAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
