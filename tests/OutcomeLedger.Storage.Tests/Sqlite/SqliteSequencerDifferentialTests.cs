using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests.Sqlite;

/// <summary>The sequencer against a complete replay, on a SQLite file.</summary>
public sealed class SqliteSequencerDifferentialTests : SequencerDifferentialTests
{
    protected override StoreEngine Engine { get; } = new SqliteEngine();
}
