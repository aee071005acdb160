using System.Data.Common;
using Npgsql;
using OutcomeLedger.Storage.Postgres;
using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests.Postgres;

/// <summary>PostgreSQL stores: one schema of the test class's database per store name, private to one test.</summary>
public sealed class PostgresEngine(PostgresDatabase database) : StoreEngine
{
    readonly string _prefix = database.NewSchema("t");

    public override string Name => "postgres";

    // Version 3 is the queue of a ledger that several servers share, version 5 the tokens, witness state and evidence a
    // folder keeps in files: PostgreSQL only.
    public override IReadOnlyList<long> MigrationVersions => [1, 2, 3, 4, 5, 6];

    Task<string> ConnectionStringAsync(string name, CancellationToken cancellationToken) =>
        database.ConnectionStringAsync(_prefix + "_" + name, cancellationToken);

    public override async Task<RelationalLogStore> OpenAsync(string name, CancellationToken cancellationToken) =>
        await PostgresLogStore.OpenAsync(await ConnectionStringAsync(name, cancellationToken), cancellationToken);

    public override async Task<DbConnection> ConnectAsync(string name, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(await ConnectionStringAsync(name, cancellationToken));
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override async Task<string?> LedgerDatabaseAsync(string name, CancellationToken cancellationToken) =>
        await ConnectionStringAsync(name, cancellationToken);

    protected override string IndexNamesSql => "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table ORDER BY indexname";
}
