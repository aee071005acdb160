using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests.Postgres;

/// <summary>Crash safety of a ledger folder whose log is on PostgreSQL (skipped when no server is installed).</summary>
public sealed class PostgresLedgerFolderCrashTests(PostgresDatabase database) : LedgerFolderCrashTests, IClassFixture<PostgresDatabase>
{
    protected override StoreEngine Engine { get; } = new PostgresEngine(database);
}
