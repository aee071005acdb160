using System.Security.Cryptography;
using System.Text.Json;

namespace OutcomeLedger.Cli.Tests.Commands.Init;

public sealed class InitCommandTests : IDisposable
{
    readonly TempFolder _temp = new();

    [Fact]
    public void Init_WithEvidenceFolder_LaterCommandsStoreEvidenceThere()
    {
        var ledger = _temp["ledger"];
        CliRun.Invoke("init", ledger, "--origin", "init-tests.example/log", "--evidence", "evidence").AssertOk();
        CliRun.Invoke("key", "generate", "--out", _temp["us.key"]).AssertOk();
        CliRun.Invoke("party", "add", "us", "--name", "United States", "--role", "party", "--public-key", _temp["us.key"], "--ledger", ledger).AssertOk();
        var source = _temp["source.html"];
        File.WriteAllText(source, "<html>the joint statement</html>");
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(source)));

        CliRun.Invoke("statement", "add", "s-1", "--date", "2026-01-15", "--title", "Joint statement", "--party", "us", "--kind", "joint-statement",
            "--source-url", "https://example.org/s-1", "--source-file", source, "--as", "us", "--key", _temp["us.key"], "--ledger", ledger).AssertOk();

        // ledger.json keeps the choice, so every later command (and the server) uses the same folder.
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(ledger, "ledger.json"))).RootElement;
        Assert.Equal("evidence", config.GetProperty("evidence").GetString());
        Assert.True(File.Exists(Path.Combine(ledger, "evidence", sha[..2], sha)));
        Assert.False(Directory.Exists(Path.Combine(ledger, "blobs")));
    }

    [Fact]
    public void Init_WithoutEvidenceFolder_LedgerJsonAsEarlierVersionsWroteIt()
    {
        var ledger = _temp["plain"];
        CliRun.Invoke("init", ledger, "--origin", "init-tests.example/log").AssertOk();

        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(ledger, "ledger.json"))).RootElement;
        Assert.Equal(["format", "origin", "database"], config.EnumerateObject().Select(p => p.Name));
    }

    public void Dispose() => _temp.Dispose();
}
