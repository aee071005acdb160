using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests.Sqlite;

/// <summary>Crash safety of a SQLite ledger folder.</summary>
public sealed class SqliteLedgerFolderCrashTests : LedgerFolderCrashTests
{
    protected override StoreEngine Engine { get; } = new SqliteEngine();
}
