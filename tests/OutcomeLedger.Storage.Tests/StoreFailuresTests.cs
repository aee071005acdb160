using Microsoft.Data.Sqlite;

namespace OutcomeLedger.Storage.Tests;

public class StoreFailuresTests
{
    [Fact]
    public void A_database_error_is_a_store_failure_and_other_errors_are_not()
    {
        Assert.True(StoreFailures.IsStoreFailure(new SqliteException("database is locked", 5)));
        Assert.True(StoreFailures.IsStoreFailure(new Npgsql.NpgsqlException("connection lost")));
        Assert.False(StoreFailures.IsStoreFailure(new InvalidDataException("bad entry")));
        Assert.False(StoreFailures.IsStoreFailure(new IOException("disk")));
    }
}
