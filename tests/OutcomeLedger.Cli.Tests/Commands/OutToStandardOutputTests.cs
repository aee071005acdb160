using System.Text.Json;

namespace OutcomeLedger.Cli.Tests.Commands;

/// <summary>
/// <c>--out -</c> writes what would go to the file to standard output instead, and nothing else there; private keys are
/// the exception: they go only to an owner-only file, so <c>--out -</c> is refused for them.
/// </summary>
public sealed class OutToStandardOutputTests : IDisposable
{
    readonly TestLedger _ledger = new();

    public void Dispose() => _ledger.Dispose();

    [Theory]
    [InlineData("json")]
    [InlineData("md")]
    [InlineData("html")]
    public void Scorecard_OutDash_SameBytesAsTheFile(string format)
    {
        var path = Path.Combine(_ledger.Folder, "scorecard." + format);
        _ledger.RunIn("scorecard", "--format", format, "--out", path).AssertOk();

        var run = _ledger.RunIn("scorecard", "--format", format, "--out", "-").AssertOk();

        Assert.Equal(File.ReadAllText(path), run.Output);
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "-")));
        if (format == "json")
        {
            using var document = JsonDocument.Parse(run.Output);
            Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("commitments").ValueKind);
        }
    }

    [Fact]
    public void LogProve_OutDash_SameAsWithoutOut()
    {
        var plain = _ledger.RunIn("log", "prove", "1").AssertOk();

        var dash = _ledger.RunIn("log", "prove", "1", "--out", "-").AssertOk();

        Assert.Equal(plain.Output, dash.Output);
        Assert.StartsWith("c2sp.org/tlog-proof", dash.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyGenerate_OutDash_RefusedNothingWritten()
    {
        var run = TestLedger.Run("key", "generate", "--out", "-").AssertFails(2, "owner-only file");

        Assert.Empty(run.Output);
        TestLedger.Run("log", "keygen", "witness.example/w1", "--witness", "--out", "-").AssertFails(2, "owner-only file");
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "-")));
    }
}
