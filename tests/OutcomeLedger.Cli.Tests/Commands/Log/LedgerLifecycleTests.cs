using System.Text;
using Microsoft.Data.Sqlite;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Cli.Tests.Commands.Log;

/// <summary>A ledger as an analyst makes one: init, keys, parties, then the log commands, all through the real CLI.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LedgerLifecycleTests : IDisposable
{
    readonly TempFolder _temp = new();
    readonly string _ledger;

    public LedgerLifecycleTests()
    {
        _ledger = _temp["ledger"];
        Assert.Equal(0, CliRun.Invoke("init", _ledger, "--origin", "test.example/ledger").ExitCode);
        Assert.Equal(0, CliRun.Invoke("key", "generate", "--out", _temp["us.key"]).ExitCode);
        Assert.Equal(0, CliRun.Invoke("party", "add", "us", "--name", "United States", "--role", "party", "--public-key", _temp["us.key"], "--ledger", _ledger).ExitCode);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Init_IntoANonEmptyFolder_IsRefused()
    {
        var run = CliRun.Invoke("init", _ledger, "--origin", "test.example/other");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("not empty", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFiles_AreOwnerOnly_AndNeverPrinted()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_temp["us.key"]));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_ledger, "keys", "log.key")));
        var secret = File.ReadAllText(_temp["us.key"]).Trim()["ed25519:".Length..];
        var shown = CliRun.Invoke("key", "show", "--key", _temp["us.key"]);
        Assert.DoesNotContain(secret, shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFile_ReadableByOthers_IsRefused()
    {
        File.SetUnixFileMode(_temp["us.key"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var run = CliRun.Invoke("key", "show", "--key", _temp["us.key"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("chmod 600", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PartyAdd_Twice_NamesTheRefusedField()
    {
        var run = CliRun.Invoke("party", "add", "us", "--name", "Again", "--role", "party", "--public-key", _temp["us.key"], "--ledger", _ledger);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("id: party 'us' is already registered", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingArguments_AreAUsageError()
    {
        var run = CliRun.Invoke("party", "add");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--name", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_IsSignedByThePublicKey()
    {
        var note = CliRun.Invoke("log", "checkpoint", "--ledger", _ledger).Output;
        var key = CliRun.Invoke("log", "public-key", "--ledger", _ledger).Output.Trim();

        Assert.True(VerifierKey.TryParse(key, out var verifier, out _));
        Assert.True(Checkpoint.TryOpen(Encoding.UTF8.GetBytes(note), verifier.CreateVerifier(), null, out var checkpoint, out var error), error?.Message);
        Assert.Equal(2UL, checkpoint.Checkpoint.TreeSize);
    }

    [Fact]
    public void Prove_WritesAReceiptThatVerifiesForTheEntry()
    {
        var receiptPath = _temp["1.proof"];
        Assert.Equal(0, CliRun.Invoke("log", "prove", "1", "--out", receiptPath, "--ledger", _ledger).ExitCode);
        var key = CliRun.Invoke("log", "public-key", "--ledger", _ledger).Output.Trim();
        Assert.True(VerifierKey.TryParse(key, out var verifier, out _));
        Assert.True(TlogProof.TryParse(File.ReadAllBytes(receiptPath), out var receipt, out var error), error);
        var entry = ReadLeaf(1);

        Assert.True(receipt.VerifyEntry(verifier.CreateVerifier(), entry).IsValid);
        entry[^2] ^= 1;
        Assert.False(receipt.VerifyEntry(verifier.CreateVerifier(), entry).IsValid);
    }

    [Fact]
    public void ExportTiles_ThenVerifyTiles_AcceptsOurLog()
    {
        Assert.Equal(0, CliRun.Invoke("log", "export-tiles", _temp["tiles"], "--ledger", _ledger).ExitCode);
        var key = CliRun.Invoke("log", "public-key", "--ledger", _ledger).Output.Trim();

        var run = CliRun.Invoke("log", "verify-tiles", _temp["tiles"], "--key", key);

        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("UPDATE leaves SET data = substr(data, 1, 20) || 'X' || substr(data, 22) WHERE idx = 1", "entry 1")]
    [InlineData("UPDATE leaves SET leaf_hash = zeroblob(32) WHERE idx = 0", "entry 0")]
    [InlineData("UPDATE tiles SET data = zeroblob(64) WHERE level = 0", "tile/0/000.p/2")]
    [InlineData("UPDATE checkpoints SET note = replace(note, 'test.example/ledger', 'test.example/ledgeR') WHERE size = 2", "checkpoint 2")]
    public void Verify_AByteChangedInTheDatabase_IsReportedByName(string tamper, string named)
    {
        Assert.Equal(0, CliRun.Invoke("log", "verify", "--ledger", _ledger).ExitCode);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_ledger, "ledger.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = tamper;
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var run = CliRun.Invoke("log", "verify", "--ledger", _ledger);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuild_GivesTheLiveProjection()
    {
        var run = CliRun.Invoke("ledger", "rebuild", "--json", "--ledger", _ledger);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"rowsThatDiffered\": 0", run.Output, StringComparison.Ordinal);
    }

    byte[] ReadLeaf(int index)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_ledger, "ledger.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT data FROM leaves WHERE idx = {index}";
        return (byte[])command.ExecuteScalar()!;
    }
}
