using System.Formats.Tar;
using System.Text.Json;

namespace OutcomeLedger.Cli.Tests.Commands.Ledger;

/// <summary>Issue 15, Deliver 4: `outcomes ledger backup` and `restore`, after which `log verify` gives the same root.</summary>
public sealed class BackupCommandTests : IDisposable
{
    readonly TestLedger ledger = new();

    public BackupCommandTests()
    {
        ledger.AddIndicator("sw-border-fentanyl");
        var evidence = ledger.Write("cbp.csv", "month,lb\n2025-12,870\n");
        ledger.RunIn("measure", "add", "sw-border-fentanyl", "--period", "2025-12", "--value", "870", "--dataset", "CBP", "--evidence", evidence,
            "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();
        ledger.RunIn("token", "create", "--party", "mx", "--role", "party").AssertOk();
    }

    public void Dispose() => ledger.Dispose();

    string PathOf(string name) => Path.Combine(ledger.Folder, name);

    static JsonElement Json(CliRun run) => JsonDocument.Parse(run.AssertOk().Output).RootElement;

    /// <summary>An evidence file's name: its SHA-256 in lower-case hex.</summary>
    static bool IsEvidence(string? name) => name is { Length: 64 } && name.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));

    [Fact]
    public void BackupThenRestore_SameRootScorecardTokensAndEvidence()
    {
        var backup = Json(ledger.RunIn("ledger", "backup", PathOf("b.tar"), "--json"));
        var restored = Json(TestLedger.Run("ledger", "restore", PathOf("b.tar"), "--to", PathOf("restored"), "--json"));

        var checkpoint = Json(ledger.RunIn("log", "checkpoint", "--json"));
        Assert.Equal(backup.GetProperty("root").GetString(), restored.GetProperty("root").GetString());
        Assert.Equal(backup.GetProperty("size").GetUInt64(), restored.GetProperty("size").GetUInt64());
        Assert.Equal(checkpoint.GetProperty("size").GetUInt64(), restored.GetProperty("size").GetUInt64());
        TestLedger.Run("log", "verify", "--ledger", PathOf("restored")).AssertOk();
        Assert.Equal(
            ledger.RunIn("scorecard", "--format", "json", "--out", "-").AssertOk().Output,
            TestLedger.Run("scorecard", "--format", "json", "--out", "-", "--ledger", PathOf("restored")).AssertOk().Output);
        Assert.Equal(File.ReadAllText(Path.Combine(ledger.LedgerPath, "tokens.json")), File.ReadAllText(PathOf("restored/tokens.json")));
        // Every evidence file comes back; the blob store's lock file and claim markers are not evidence and are not backed up.
        var blobs = Directory.EnumerateFiles(Path.Combine(ledger.LedgerPath, "blobs"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).Where(IsEvidence).Order();
        Assert.NotEmpty(blobs);
        Assert.Equal(blobs, Directory.EnumerateFiles(PathOf("restored/blobs"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order());
        // The backup and the restored keys are owner-only: they hold private keys.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PathOf("b.tar")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PathOf("restored/keys/operator.key")));
        }
        // The restored ledger takes writes.
        TestLedger.Run("measure", "add", "sw-border-fentanyl", "--period", "2026-01", "--value", "700", "--dataset", "CBP",
            "--as", "us", "--key", ledger.KeyOf("us"), "--ledger", PathOf("restored")).AssertOk();
    }

    [Fact]
    public void Backup_FileExists_RefusedAndLeftAsItWas()
    {
        File.WriteAllText(PathOf("b.tar"), "mine");

        ledger.RunIn("ledger", "backup", PathOf("b.tar")).AssertFails(3, "already exists; a backup never overwrites a file");

        Assert.Equal("mine", File.ReadAllText(PathOf("b.tar")));
        Assert.Empty(Directory.EnumerateFiles(ledger.Folder, "*.tmp*"));
    }

    [Fact]
    public void Backup_PostgresLedger_PointsToPgDump()
    {
        TestLedger.Run("ledger", "backup", PathOf("b.tar"), "--ledger", "Host=localhost;Database=outcomes").AssertFails(2, "pg_dump");
    }

    [Fact]
    public void Restore_IntoAFolderInUse_RefusedNothingWritten()
    {
        ledger.RunIn("ledger", "backup", PathOf("b.tar")).AssertOk();

        ledger.RunIn("ledger", "restore", PathOf("b.tar"), "--to", ledger.LedgerPath).AssertFails(3, "is not empty; restore into a new folder");
        TestLedger.Run("log", "verify", "--ledger", ledger.LedgerPath).AssertOk();
    }

    [Fact]
    public async Task Restore_EntryOutsideTheFolder_RefusedNothingWritten()
    {
        await using (var file = File.Create(PathOf("evil.tar")))
        await using (var tar = new TarWriter(file))
        {
            foreach (var name in new[] { "ledger.json", "ledger.db", "../escaped.txt" })
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream([1, 2, 3]) };
                await tar.WriteEntryAsync(entry, TestContext.Current.CancellationToken);
            }
        }

        TestLedger.Run("ledger", "restore", PathOf("evil.tar"), "--to", PathOf("restored")).AssertFails(1, "entry '../escaped.txt' points outside the ledger folder");

        Assert.False(File.Exists(PathOf("escaped.txt")));
        Assert.False(Directory.Exists(PathOf("restored")));
    }

    [Fact]
    public async Task Restore_ASymbolicLink_Refused()
    {
        await using (var file = File.Create(PathOf("link.tar")))
        await using (var tar = new TarWriter(file))
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "keys") { LinkName = "/etc" }, TestContext.Current.CancellationToken);
        }

        TestLedger.Run("ledger", "restore", PathOf("link.tar"), "--to", PathOf("restored")).AssertFails(1, "entry 'keys' is a SymbolicLink, not a file or a folder");
        Assert.False(Directory.Exists(PathOf("restored")));
    }

    [Fact]
    public void Restore_NotABackup_OneLineNamingTheFile()
    {
        var notTar = ledger.Write("notes.txt", new string('x', 2048));

        TestLedger.Run("ledger", "restore", notTar, "--to", PathOf("restored")).AssertFails(1, $"'{notTar}' is not a ledger backup");
        Assert.False(Directory.Exists(PathOf("restored")));
    }
}
