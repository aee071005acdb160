using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OutcomeLedger.Storage;

/// <summary>
/// Which exceptions mean that the ledger's database failed under a command (lost connection, disk full, locked), so a
/// host can say so and exit without knowing the engines' exception types.
/// </summary>
public static class StoreFailures
{
    const int SqliteFull = 13;
    const string PostgresDiskFull = "53100";
    const int UnixNoSpace = 28;
    const int WindowsDiskFull = 112, WindowsHandleDiskFull = 39;

    /// <summary>True for a failure of either engine's database, reached through ADO.NET's common base.</summary>
    public static bool IsStoreFailure(Exception exception) => exception is DbException;

    // .NET gives a file error's errno as the HResult on Unix, and the Win32 error in its low word on Windows.
    static bool IsNoSpace(int hresult) =>
        OperatingSystem.IsWindows() ? (hresult & 0xFFFF) is WindowsDiskFull or WindowsHandleDiskFull : hresult == UnixNoSpace;

    /// <summary>
    /// True when the exception, or one inside it, says the disk (or the database's space) is full: SQLite's
    /// SQLITE_FULL, PostgreSQL's disk_full (53100), or a file write's ENOSPC. Nothing was written by the operation that
    /// failed; the server answers 507 instead of a bare 500.
    /// </summary>
    public static bool IsDiskFull(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteFull } or PostgresException { SqlState: PostgresDiskFull } || e is IOException io && IsNoSpace(io.HResult))
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsDiskFull))
            {
                return true;
            }
        }

        return false;
    }
}
