using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests.Sqlite;

/// <summary>The log store contract on SQLite files.</summary>
public sealed class SqliteLogStoreTests : RelationalLogStoreContractTests
{
    protected override StoreEngine Engine { get; } = new SqliteEngine();
}
