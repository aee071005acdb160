using System.Globalization;
using Microsoft.Data.Sqlite;
using OutcomeLedger.Cli.Tests.Commands.Demo;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Cli.Tests.Commands.Diff;

/// <summary>
/// A copy of the demo ledger whose stored tree was changed between two checkpoints: <c>outcomes diff</c>,
/// <see cref="LedgerSession.DiffAsync(DiffRequest, CancellationToken)"/> and <c>outcomes pack --since</c> refuse in one
/// line naming both checkpoints, and publish nothing. Some changes break the consistency proof itself; others touch a
/// hash or an entry the proof does not need, and the replay of either checkpoint must catch them.
/// </summary>
public sealed class DiffTamperedTests(DemoFixture demo) : IClassFixture<DemoFixture>, IDisposable
{
    // The demo's level-0 tile 0 is full (entries 0–255); level-1 tile 0 holds the hash of entries 0–255.
    public static TheoryData<string, string, int> Tampers => new()
    {
        { "24", ZeroHash(level: 0, tile: 0, hash: 30), 0 },     // an entry after --from: the proof's second root fails
        { "24", ZeroHash(level: 0, tile: 0, hash: 5), 0 },      // an entry before --from: the proof's first root fails
        { "24", ZeroHash(level: 1, tile: 0, hash: 0), 0 },      // a node the proof from 24 does not use: the later replay fails
        { "4", ZeroHash(level: 0, tile: 0, hash: 2), 0 },       // inside --from's own subtree, absent from the proof: the earlier replay fails
        { "24", "UPDATE leaves SET data = CAST(substr(data, 1, 40) || 'X' || substr(data, 42) AS BLOB) WHERE idx = 100", 100 },
    };

    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(Tampers))]
    public void Diff_TamperedTree_RefusesInOneLineNamingBothCheckpointsAndPrintsNothing(string from, string tamper, int entry)
    {
        var ledger = TamperedCopy(tamper);

        var run = CliRun.Invoke("diff", "--from", from, "--json", "--ledger", ledger).AssertFails(1, $"checkpoint {from}", $"checkpoint {Latest}");

        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Empty(run.Output);
        if (entry > 0)
        {
            Assert.Contains($"entry {entry}", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Session_TamperedTile_DiffThrowsNamingBothCheckpoints()
    {
        var ledger = TamperedCopy(ZeroHash(level: 0, tile: 0, hash: 30));
        await using var folder = await Storage.LedgerFolder.OpenAsync(ledger, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<LogMismatchException>(() => folder.Session.DiffAsync(new DiffRequest { From = "24" }, TestContext.Current.CancellationToken));

        Assert.Contains($"checkpoint {Latest} does not extend checkpoint 24", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_UntouchedCopy_Succeeds()
    {
        // The copy itself is sound: each refusal above comes from its one change.
        var ledger = TamperedCopy("UPDATE tiles SET data = data WHERE level = 0 AND idx = 0");

        CliRun.Invoke("diff", "--from", "24", "--json", "--ledger", ledger).AssertOk();
    }

    [Fact]
    public void PackSince_TamperedTile_WritesNoFile()
    {
        var ledger = TamperedCopy(ZeroHash(level: 0, tile: 0, hash: 30));
        var pdf = _temp["out/pack.pdf"];
        Directory.CreateDirectory(_temp["out"]);

        CliRun.Invoke("pack", "--since", "24", "--out", pdf, "--ledger", ledger).AssertFails(1, "checkpoint 24", $"checkpoint {Latest}");

        Assert.Empty(Directory.GetFileSystemEntries(_temp["out"]));
    }

    ulong Latest => LedgerDiffJson.Deserialize(CliRun.Invoke("diff", "--from", "24", "--json", "--ledger", demo.Folder).AssertOk().Output)!.To.Size;

    // Hash `hash` of stored tile `tile` at `level` set to zeros (kept a blob, as the store writes it).
    static string ZeroHash(int level, int tile, int hash) => string.Create(CultureInfo.InvariantCulture,
        $"UPDATE tiles SET data = CAST(substr(data, 1, {hash * 32}) || zeroblob(32) || substr(data, {(hash * 32) + 33}) AS BLOB) WHERE level = {level} AND idx = {tile}");

    string TamperedCopy(string sql)
    {
        var copy = _temp["ledger-" + Guid.NewGuid().ToString("N")];
        foreach (var file in Directory.EnumerateFiles(demo.Folder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(copy, Path.GetRelativePath(demo.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        using var connection = new SqliteConnection($"Data Source={Path.Combine(copy, "ledger.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
        return copy;
    }
}
