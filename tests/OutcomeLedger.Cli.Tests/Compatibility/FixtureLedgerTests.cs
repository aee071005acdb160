using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace OutcomeLedger.Cli.Tests.Compatibility;

/// <summary>
/// Ledgers written by earlier versions (tests/Fixtures/ledgers, one folder per version, never regenerated) must still
/// verify, rebuild and evaluate to the very bytes those versions published. Only the <c>outcomes</c> command is used,
/// so these tests hold through any change to the code beneath it. Each test works on its own copy of a fixture.
/// </summary>
public sealed class FixtureLedgerTests : IDisposable
{
    static readonly string FixturesFolder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ledgers");

    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Fixtures() => [.. FixtureNames()];

    /// <summary>Each fixture with each recorded scorecard: the file, then the <c>outcomes scorecard</c> options that made it.</summary>
    public static TheoryData<string, string, string, string> Scorecards()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var name in FixtureNames())
        {
            data.Add(name, "scorecard.json", "json", "en");
            data.Add(name, "scorecard.en.md", "md", "en");
            data.Add(name, "scorecard.es.md", "md", "es");
        }

        return data;
    }

    static IEnumerable<string> FixtureNames() =>
        Directory.Exists(FixturesFolder)
            ? Directory.GetDirectories(FixturesFolder).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)
            : [];

    [Fact]
    public void Fixtures_EachFolder_HoldsALedgerAndItsRecordedOutputs()
    {
        var names = FixtureNames().ToList();

        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            foreach (var file in new[] { "ledger.json", "ledger.db", "keys/log.vkey", "tiles/checkpoint", "scorecard.json", "scorecard.en.md", "scorecard.es.md" })
            {
                Assert.True(File.Exists(Path.Combine(FixturesFolder, name, file)), $"{name}: {file} is missing");
            }

            // A fixture's database is complete in ledger.db: a WAL left beside it would be lost or replayed differently.
            Assert.Empty(Directory.GetFiles(Path.Combine(FixturesFolder, name), "ledger.db-*"));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void LogVerify_FixtureLedger_IsValidWithTheRecordedCounts(string fixture)
    {
        var ledger = Copy(fixture);

        Run("log", "verify", "--ledger", ledger).AssertOk();
        var json = Run("log", "verify", "--json", "--ledger", ledger).AssertOk();

        // Every field recorded (the volatile sha256 was left out) has the recorded value; new fields may be added.
        var recorded = Path.Combine(ledger, "log-verify.json");
        if (File.Exists(recorded))
        {
            var expected = JsonNode.Parse(File.ReadAllText(recorded))!.AsObject();
            var actual = JsonNode.Parse(json.Output)!.AsObject();
            foreach (var (name, value) in expected)
            {
                Assert.True(JsonNode.DeepEquals(value, actual[name]), $"log verify --json: {name} is {actual[name]?.ToJsonString() ?? "missing"}, recorded {value?.ToJsonString()}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void LedgerRebuild_FixtureLedger_SucceedsAndTheLogStillVerifies(string fixture)
    {
        var ledger = Copy(fixture);

        Run("ledger", "rebuild", "--ledger", ledger).AssertOk();

        Run("log", "verify", "--ledger", ledger).AssertOk();
        var scorecard = _temp["rebuilt.json"];
        Run("scorecard", "--format", "json", "--out", scorecard, "--ledger", ledger).AssertOk();
        AssertSameBytes(Path.Combine(ledger, "scorecard.json"), scorecard);
    }

    [Theory]
    [MemberData(nameof(Scorecards))]
    public void Scorecard_FixtureLedger_GivesTheRecordedBytes(string fixture, string recorded, string format, string lang)
    {
        var ledger = Copy(fixture);
        var written = _temp["written-" + recorded];

        Run("scorecard", "--format", format, "--lang", lang, "--out", written, "--ledger", ledger).AssertOk();

        AssertSameBytes(Path.Combine(ledger, recorded), written);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void VerifyTiles_FixtureTiles_AreValidUnderTheLogKey(string fixture)
    {
        var ledger = Copy(fixture);
        var key = File.ReadAllText(Path.Combine(ledger, "keys", "log.vkey")).Trim();

        var run = Run("log", "verify-tiles", Path.Combine(ledger, "tiles"), "--key", key).AssertOk();

        Assert.StartsWith("valid:", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void LogVerify_OneByteOfALeafChanged_FailsNamingThatEntry(string fixture)
    {
        var ledger = Copy(fixture);
        var database = Path.Combine(ledger, "ledger.db");
        long index;
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            index = Scalar<long>(connection, "SELECT count(*) FROM leaves", 0) / 2;
            var data = Scalar<byte[]>(connection, "SELECT data FROM leaves WHERE idx = $idx", index);
            // One character of the signed payload's base64, so the entry is still well-formed JSON.
            var at = data.AsSpan().IndexOf("\"payload\":\""u8) + "\"payload\":\""u8.Length + 40;
            data[at] = data[at] == (byte)'A' ? (byte)'B' : (byte)'A';
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE leaves SET data = $data WHERE idx = $idx";
            update.Parameters.AddWithValue("$data", data);
            update.Parameters.AddWithValue("$idx", index);
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        var run = Run("log", "verify", "--ledger", ledger);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches($@"\bentry {index}(?!\d)", run.Error);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    /// <summary>A copy of the fixture in this test's temporary folder, its key files owner-only as <c>outcomes</c> requires (git keeps them 0644).</summary>
    string Copy(string fixture)
    {
        var source = Path.Combine(FixturesFolder, fixture);
        var target = _temp[fixture];
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
            if (!OperatingSystem.IsWindows() && copy.EndsWith(".key", StringComparison.Ordinal))
            {
                File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return target;
    }

    static CliRun Run(params string[] args) => CliRun.Invoke(args);

    static T Scalar<T>(SqliteConnection connection, string sql, long index)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$idx", index);
        return (T)command.ExecuteScalar()!;
    }

    static void AssertSameBytes(string expectedFile, string actualFile)
    {
        var expected = File.ReadAllBytes(expectedFile);
        var actual = File.ReadAllBytes(actualFile);
        // The text first, for a readable difference; then the bytes.
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }
}
