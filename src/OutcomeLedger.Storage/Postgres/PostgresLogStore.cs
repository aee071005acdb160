using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Storage;

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

    /// <summary>Opens (and migrates) the store; a database that cannot be reached is a <see cref="LedgerStoreUnavailableException"/>.</summary>
    public static Task<PostgresLogStore> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return PostgresErrors.TranslateAsync(() => OpenUntranslatedAsync(connectionString, cancellationToken), connectionString);
    }

    static async Task<PostgresLogStore> OpenUntranslatedAsync(string connectionString, CancellationToken cancellationToken)
    {
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

            // Under the same lock: a projection written by an earlier version is rebuilt once, by one process.
            await LedgerReplay.EnsureProjectionAsync(store, cancellationToken);
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

    /// <summary>The ledger's API tokens, in this database.</summary>
    public PostgresTokenStore Tokens() => new(_dataSource);

    /// <summary>What this ledger's witness cosigned last, in this database.</summary>
    public PostgresWitnessState WitnessState() => new(_dataSource);

    /// <summary>Evidence files kept in this database.</summary>
    public PostgresBlobStore Blobs() => new(_dataSource);

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override ValueTask ReleaseConnectionAsync(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.DisposeAsync();
    }

    // COLLATE "C": ids and series keys compare by code point, as in SQLite, whatever the database's locale.
    protected override string SqlType(ProjectionColumn column) => column?.Type == ColumnType.Integer ? "BIGINT" : "TEXT COLLATE \"C\"";

    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await ((NpgsqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        // Take the head row first: concurrent appends queue here instead of failing later.
        await ExecuteAsync(connection, transaction, "SELECT size FROM log_head WHERE id = 1 FOR UPDATE", cancellationToken);
        return transaction;
    }

    /// <summary>Upserts of fewer rows than this go as single-row INSERTs: a temporary table costs more than it saves.</summary>
    // Measured on PostgreSQL 15, appending batches of leaves with one measurement row each: at 64 rows a batch both
    // ways cost about the same, at 256 staging took half the time, and for a single row three times as long.
    const int RowsToStage = 128;

    /// <summary>
    /// Rows go in by binary COPY inside the batch's transaction: no statement per row to parse and plan. Appended rows
    /// (the leaves) are copied into their table, where a duplicate key fails the COPY and so the whole batch. Many
    /// upserted rows are copied into a temporary table, then merged by one <c>INSERT … SELECT … ON CONFLICT</c>.
    /// </summary>
    protected override async Task WriteRowsAsync(DbConnection connection, DbTransaction transaction, RowWrite write, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(rows);
        var npgsql = (NpgsqlConnection)connection;
        if (write.Suffix.Length == 0)
        {
            await CopyAsync(npgsql, write, write.Table, ordinal: false, rows, cancellationToken);
            return;
        }

        var list = rows as IReadOnlyList<object[]> ?? [.. rows];
        if (list.Count < RowsToStage)
        {
            await base.WriteRowsAsync(connection, transaction, write, list, cancellationToken);
            return;
        }

        var key = ConflictKey(write);
        var incoming = write.Table + "_incoming";
        var columns = string.Join(", ", write.Columns);
        // LIKE takes the column types (COPY's binary values must match them) and no key, so repeated keys load.
        await ExecuteAsync(connection, transaction, $"CREATE TEMP TABLE {incoming} (LIKE {write.Table}, ordinal BIGINT NOT NULL)", cancellationToken);
        await CopyAsync(npgsql, write, incoming, ordinal: true, list, cancellationToken);
        // ON CONFLICT refuses to update one row twice in a statement: of each key's rows only the last one goes in, the
        // row a sequence of single-row upserts would have left. Dropped now, not at commit, so the same table can be
        // written again in this transaction; a rollback drops it too.
        await ExecuteAsync(connection, transaction,
            $"INSERT INTO {write.Table} ({columns}) SELECT DISTINCT ON ({key}) {columns} FROM {incoming} ORDER BY {key}, ordinal DESC {write.Suffix}; DROP TABLE {incoming}",
            cancellationToken);
    }

    // The key columns of "ON CONFLICT (level, idx) DO UPDATE …".
    static string ConflictKey(RowWrite write)
    {
        const string Prefix = "ON CONFLICT (";
        var end = write.Suffix.IndexOf(')', StringComparison.Ordinal);
        return write.Suffix.StartsWith(Prefix, StringComparison.Ordinal) && end > Prefix.Length
            ? write.Suffix[Prefix.Length..end]
            : throw new ArgumentException($"{write.Table}: '{write.Suffix}' does not start with ON CONFLICT (key columns)", nameof(write));
    }

    // COPY … FROM STDIN joins the connection's open transaction. An importer disposed before CompleteAsync (a row that
    // cannot be written, a cancellation) cancels the COPY, and the server refuses the whole COPY on a duplicate key.
    // With ordinal, each row is followed by its position. No rows, no COPY.
    static async Task CopyAsync(NpgsqlConnection connection, RowWrite write, string table, bool ordinal, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        using var row = rows.GetEnumerator();
        if (!row.MoveNext())
        {
            return;
        }

        var columns = string.Join(", ", ordinal ? [.. write.Columns, "ordinal"] : write.Columns);
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var position = 0L;
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

            if (ordinal)
            {
                await importer.WriteAsync(position++, NpgsqlDbType.Bigint, cancellationToken);
            }
        }
        while (row.MoveNext());

        await importer.CompleteAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
