using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OutcomeLedger.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file, one open connection, write-ahead log with full sync, so a committed batch
/// survives a crash or power loss. One process writes at a time (SQLite's own lock; the ledger folder adds a lock file).
/// </summary>
public sealed class SqliteLogStore : RelationalLogStore
{
    readonly SqliteConnection _connection;
    readonly SemaphoreSlim _gate = new(1, 1);

    SqliteLogStore(SqliteConnection connection) => _connection = connection;

    protected override string Engine => "sqlite";

    protected override bool KeepsConnection => true;

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

    // BEGIN IMMEDIATE: take the write lock now, not at the first write.
    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override async ValueTask DisposeAsync()
    {
        await DisposeCommandsAsync();
        await _connection.DisposeAsync();
        _gate.Dispose();
    }
}
