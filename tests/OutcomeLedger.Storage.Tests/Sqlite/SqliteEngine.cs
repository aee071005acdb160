using System.Data.Common;
using Microsoft.Data.Sqlite;
using OutcomeLedger.Storage.Sqlite;
using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests.Sqlite;

/// <summary>SQLite stores as files in a temporary folder.</summary>
public sealed class SqliteEngine : StoreEngine
{
    public override string Name => "sqlite";

    string PathOf(string name) => Path.Combine(Folder, name + ".db");

    public override async Task<RelationalLogStore> OpenAsync(string name, CancellationToken cancellationToken) =>
        await SqliteLogStore.OpenAsync(PathOf(name), cancellationToken);

    public override async Task<DbConnection> ConnectAsync(string name, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = PathOf(name), Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override Task<string?> LedgerDatabaseAsync(string name, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    protected override string IndexNamesSql => "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = @table ORDER BY name";
}
