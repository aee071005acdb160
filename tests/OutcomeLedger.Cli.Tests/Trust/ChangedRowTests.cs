using System.Text;
using Microsoft.Data.Sqlite;
using OutcomeLedger.Cli.Tests.Commands;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Cli.Tests.Trust;

/// <summary>
/// Issue 11, "trust only what matches the log": a value changed inside ledger.db (the attacker also recomputing the
/// stored leaf hash, or the hash tiles above it) is never published. Every command that reads the entry stops with one
/// line naming it; the same command on the untouched ledger works.
/// </summary>
public sealed class ChangedRowTests : IDisposable
{
    readonly TestLedger _ledger = new();
    readonly ulong _measurement;

    public ChangedRowTests()
    {
        _ledger.AddIndicator("seizures");
        for (var month = 1; month <= 3; month++)
        {
            _ledger.RunIn("measure", "add", "seizures", "--period", $"2026-0{month}", "--value", "584.3", "--dataset", "CBP", "--as", "us", "--key", _ledger.KeyOf("us")).AssertOk();
        }

        using var listed = System.Text.Json.JsonDocument.Parse(_ledger.RunIn("measure", "list", "--indicator", "seizures", "--json").AssertOk().Output);
        _measurement = listed.RootElement[1].GetProperty("entry").GetUInt64();
    }

    public void Dispose() => _ledger.Dispose();

    public static TheoryData<string[]> Publishing() => new()
    {
        { ["scorecard", "--format", "json", "--out", "scorecard.json"] },
        { ["export", "--format", "xlsx", "--out", "export.xlsx"] },
        { ["evaluate"] },
        { ["measure", "list", "--indicator", "seizures"] },
        { ["indicator", "show", "seizures"] },
    };

    [Theory]
    [MemberData(nameof(Publishing))]
    public void Command_ValueMultipliedByTenInTheDatabase_StopsNamingTheEntry(string[] command)
    {
        var args = command.Select(a => a is "scorecard.json" or "export.xlsx" ? Path.Combine(_ledger.Folder, a) : a).ToArray();
        _ledger.RunIn(args).AssertOk();

        ChangeValue(recomputeLeafHash: true);

        _ledger.RunIn(args).AssertFails(1, $"entry {_measurement} does not match the log");
    }

    [Fact]
    public void Scorecard_ValueChangedAndEveryStoredHashRecomputed_StopsAtTheSignedCheckpoint()
    {
        ChangeValue(recomputeLeafHash: true, recomputeTiles: true);

        _ledger.RunIn("scorecard", "--format", "json", "--out", Path.Combine(_ledger.Folder, "s.json"))
            .AssertFails(1, "the signed checkpoint says");
    }

    [Fact]
    public void MeasureAdd_AfterAChangedRow_LogVerifyNamesIt()
    {
        ChangeValue(recomputeLeafHash: true);

        _ledger.RunIn("log", "verify").AssertFails(1, $"entry {_measurement}");
    }

    // The stored entry of the second measurement says 5843 instead of 584.3 (its signature no longer verifies, which only
    // a full re-check would notice); optionally the stored leaf hash and the hash tiles are recomputed to match.
    void ChangeValue(bool recomputeLeafHash, bool recomputeTiles = false)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_ledger.LedgerPath, "ledger.db")};Pooling=False");
        connection.Open();
        byte[] data;
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT data FROM leaves WHERE idx = $i";
            read.Parameters.AddWithValue("$i", (long)_measurement);
            data = (byte[])read.ExecuteScalar()!;
        }

        var json = Encoding.UTF8.GetString(data);
        var payloadStart = json.IndexOf("\"payload\":\"", StringComparison.Ordinal) + "\"payload\":\"".Length;
        var payloadEnd = json.IndexOf('"', payloadStart);
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(json[payloadStart..payloadEnd]));
        Assert.Contains("\"value\":\"584.3\"", payload, StringComparison.Ordinal);
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.Replace("\"value\":\"584.3\"", "\"value\":\"5843\"", StringComparison.Ordinal)));
        var changed = Encoding.UTF8.GetBytes(json[..payloadStart] + forged + json[payloadEnd..]);
        using (var write = connection.CreateCommand())
        {
            write.CommandText = recomputeLeafHash ? "UPDATE leaves SET data = $d, leaf_hash = $h WHERE idx = $i" : "UPDATE leaves SET data = $d WHERE idx = $i";
            write.Parameters.AddWithValue("$d", changed);
            write.Parameters.AddWithValue("$h", Rfc6962.HashLeaf(changed).ToArray());
            write.Parameters.AddWithValue("$i", (long)_measurement);
            Assert.Equal(1, write.ExecuteNonQuery());
        }

        if (recomputeTiles)
        {
            // The level-0 tile holding the entry, rewritten with the forged leaf's hash: the tree above no longer agrees.
            using var tile = connection.CreateCommand();
            tile.CommandText = "SELECT data FROM tiles WHERE level = 0 AND idx = 0";
            var bytes = (byte[])tile.ExecuteScalar()!;
            Rfc6962.HashLeaf(changed).ToArray().CopyTo(bytes, (int)_measurement * Hash.Size);
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE tiles SET data = $d WHERE level = 0 AND idx = 0";
            update.Parameters.AddWithValue("$d", bytes);
            Assert.Equal(1, update.ExecuteNonQuery());
        }
    }
}
