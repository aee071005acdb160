using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests.Postgres;

/// <summary>The log store contract on a real PostgreSQL server (skipped when none is installed).</summary>
public sealed class PostgresLogStoreTests(PostgresDatabase database) : RelationalLogStoreContractTests, IClassFixture<PostgresDatabase>
{
    protected override StoreEngine Engine { get; } = new PostgresEngine(database);
}
