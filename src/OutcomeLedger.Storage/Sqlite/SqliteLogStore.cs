using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Storage;
using SQLitePCL;

namespace OutcomeLedger.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file, one open connection, write-ahead log with full sync, so a committed batch
/// survives a crash or power loss. One process writes at a time (SQLite's own lock; the ledger folder adds a lock file).
/// </summary>
public sealed class SqliteLogStore : RelationalLogStore
{
    readonly SqliteConnection _connection;
    readonly SemaphoreSlim _gate = new(1, 1);
    readonly Dictionary<RowWrite, sqlite3_stmt> _statements = [];

    SqliteLogStore(SqliteConnection connection) => _connection = connection;

    protected override string Engine => "sqlite";

    public static async Task<SqliteLogStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA synchronous = FULL", cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 10000", cancellationToken);
        var store = new SqliteLogStore(connection);
        await store.MigrateAsync(cancellationToken);
        await LedgerReplay.EnsureProjectionAsync(store, cancellationToken);
        return store;
    }

    // One connection, used by one operation at a time.
    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return _connection;
    }

    protected override ValueTask ReleaseConnectionAsync(DbConnection connection)
    {
        _gate.Release();
        return ValueTask.CompletedTask;
    }

    protected override string SqlType(ProjectionColumn column) => column?.Type == ColumnType.Integer ? "INTEGER" : "TEXT";

    // BEGIN IMMEDIATE: take the write lock now, not at the first write.
    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <summary>
    /// One compiled single-row statement per kind of row, its values bound by position and stepped once per row.
    /// SQLite runs in-process, so a row costs one step; binding by position skips the by-name lookup the ADO.NET
    /// layer does for every parameter of every execution.
    /// </summary>
    protected override Task WriteRowsAsync(DbConnection connection, DbTransaction transaction, RowWrite write, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(rows);
        var database = _connection.Handle ?? throw new InvalidOperationException("the SQLite connection is closed");
        if (!_statements.TryGetValue(write, out var statement))
        {
            var values = string.Join(", ", Enumerable.Range(1, write.Columns.Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"?{i}")));
            var rc = raw.sqlite3_prepare_v3(database, $"{write.Insert} ({values}) {write.Suffix}", raw.SQLITE_PREPARE_PERSISTENT, out statement, out _);
            SqliteException.ThrowExceptionForRC(rc, database);
            _statements[write] = statement;
        }

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < row.Length; i++)
            {
                var rc = row[i] switch
                {
                    long value => raw.sqlite3_bind_int64(statement, i + 1, value),
                    int value => raw.sqlite3_bind_int64(statement, i + 1, value),
                    string value => raw.sqlite3_bind_text(statement, i + 1, value),
                    byte[] value => raw.sqlite3_bind_blob(statement, i + 1, value),
                    DBNull => raw.sqlite3_bind_null(statement, i + 1),
                    var other => throw new ArgumentException($"{write.Table}.{write.Columns[i]}: a {other?.GetType().Name ?? "null"} cannot be stored", nameof(rows)),
                };
                SqliteException.ThrowExceptionForRC(rc, database);
            }

            var stepped = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (stepped != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(stepped, database);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Lets the database grow by at most <paramref name="pages"/> more pages (SQLite's <c>max_page_count</c>, for this
    /// store's connection only): a write that needs more fails with SQLITE_FULL, exactly as on a full disk. What the
    /// tests of a full disk under a running server use; a negative number lifts the cap.
    /// </summary>
    internal async Task LimitGrowthAsync(long pages, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var count = Command(connection, null, "PRAGMA page_count");
            var current = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            var limit = pages < 0 ? int.MaxValue * 2L : current + pages;
            await ExecuteAsync(connection, null, string.Create(CultureInfo.InvariantCulture, $"PRAGMA max_page_count = {limit}"), cancellationToken);
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        await _connection.DisposeAsync();
        _gate.Dispose();
    }
}
