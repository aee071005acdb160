using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests.Postgres;

/// <summary>The sequencer against a complete replay, on a real PostgreSQL server (skipped when none is installed).</summary>
public sealed class PostgresSequencerDifferentialTests(PostgresDatabase database) : SequencerDifferentialTests, IClassFixture<PostgresDatabase>
{
    protected override StoreEngine Engine { get; } = new PostgresEngine(database);
}
