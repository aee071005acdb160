using System.Data.Common;

namespace OutcomeLedger.Storage;

/// <summary>
/// Which exceptions mean that the ledger's database failed under a command (lost connection, disk full, locked), so a
/// host can say so and exit without knowing the engines' exception types.
/// </summary>
public static class StoreFailures
{
    /// <summary>True for a failure of either engine's database, reached through ADO.NET's common base.</summary>
    public static bool IsStoreFailure(Exception exception) => exception is DbException;
}
