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

    /// <summary>A real SQLITE_FULL: the database may not grow past its pages, as on a full disk.</summary>
    [Fact]
    public void IsDiskFull_SqliteFull_True()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (x BLOB); PRAGMA max_page_count = 3;";
        command.ExecuteNonQuery();
        command.CommandText = "INSERT INTO t VALUES (zeroblob(100000))";

        var full = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Equal(13, full.SqliteErrorCode);
        Assert.True(StoreFailures.IsDiskFull(full));
        Assert.True(StoreFailures.IsDiskFull(new InvalidOperationException("batch failed", full)));
    }

    /// <summary>A real ENOSPC: /dev/full refuses every write as a full disk does.</summary>
    [Fact]
    public void IsDiskFull_WriteToAFullDevice_True()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/dev/full"), "/dev/full is a Linux device");

        var full = Assert.ThrowsAny<IOException>(() =>
        {
            using var device = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
            device.Write(new byte[4096]);
            device.Flush();
        });

        Assert.True(StoreFailures.IsDiskFull(full), $"{full.GetType().Name} {full.HResult}: {full.Message}");
    }

    [Fact]
    public void IsDiskFull_OtherFailures_False()
    {
        Assert.False(StoreFailures.IsDiskFull(new SqliteException("database is locked", 5)));
        Assert.False(StoreFailures.IsDiskFull(new IOException("disk")));
        Assert.False(StoreFailures.IsDiskFull(new IOException("directory not empty", 39)));
        Assert.False(StoreFailures.IsDiskFull(new InvalidDataException("bad entry")));
    }
}
