using Microsoft.Data.Sqlite;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Storage.Tests.Sqlite;

/// <summary>
/// SQLite's plans for the reads of current measurements, as the store writes them: the partial index of current values
/// (<c>superseded_by IS NULL</c>) serves them, so <c>indicator show</c> counts an indicator's current values without
/// reading its superseded rows.
/// </summary>
public sealed class SqliteProjectionPlanTests : IAsyncDisposable
{
    const string PartialIndex = "measurements_by_indicator_period_series_superseded_by_null";

    readonly SqliteEngine _engine = new();

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    static ProjectionQuery Current => new ProjectionQuery(MeasurementRecordKind.Table).WhereEquals("indicator", "i").WhereEquals("superseded_by", null);

    [Fact]
    public async Task Count_CurrentValuesOfAnIndicator_ByThePartialIndex()
    {
        var plan = await PlanAsync(RelationalLogStore.CountSql(Current));

        Assert.Contains($"INDEX {PartialIndex} (indicator=?)", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_EveryValueOfAnIndicator_NotThePartialIndex()
    {
        // Superseded values are not in it: a read that wants them must not use it.
        var plan = await PlanAsync(RelationalLogStore.CountSql(new ProjectionQuery(MeasurementRecordKind.Table).WhereEquals("indicator", "i")));

        Assert.DoesNotContain(PartialIndex, plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_CurrentValuesOfAPeriod_ByThePartialIndex()
    {
        var query = Current.WhereEquals("period", "2026-01") with { OrderBy = ["period", "series", "log_index"] };

        var plan = await PlanAsync(RelationalLogStore.SelectSql(query));

        Assert.Contains($"INDEX {PartialIndex}", plan, StringComparison.Ordinal);
    }

    // EXPLAIN QUERY PLAN of a read on a store as opened (its projection created from the record kinds' schema), one line
    // a step.
    async Task<string> PlanAsync(string sql)
    {
        await using (await _engine.OpenAsync("plan", Cancel))
        {
        }

        await using var connection = (SqliteConnection)await _engine.ConnectAsync("plan", Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        for (var i = 0; sql.Contains($"@w{i}", StringComparison.Ordinal); i++)
        {
            command.Parameters.AddWithValue($"@w{i}", "x");
        }

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join("\n", steps);
    }
}
