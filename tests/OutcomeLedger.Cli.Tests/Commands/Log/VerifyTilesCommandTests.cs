using System.Net;
using System.Text;
using OutcomeLedger.Core.Tests.Interop;
using OutcomeLedger.Core.Tests.Transparency.Tiles;

namespace OutcomeLedger.Cli.Tests.Commands.Log;

public sealed class VerifyTilesCommandTests(GoToolchain go) : IDisposable
{
    static readonly string GoLogDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "go-tlog");

    readonly string _scratch = Directory.CreateTempSubdirectory("outcomes-verify-tiles-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    static Dictionary<string, byte[]> GoLogFiles()
    {
        var files = TestLog.ReadDirectory(GoLogDirectory);
        files.Remove("README.md");
        return files;
    }

    string Write(IReadOnlyDictionary<string, byte[]> files, string name = "log")
    {
        var dir = Path.Combine(_scratch, name);
        foreach (var (path, bytes) in files)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        return dir;
    }

    static void AssertOneLine(string text) => Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void VerifyTiles_GoWrittenLogFolder_IsValid()
    {
        var run = CliRun.Invoke("log", "verify-tiles", GoLogDirectory, "--key", TestLog.VerifierKeyText);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("valid: example.com/go-tlog size 300 root yD2dNuZ8RLv4CrE6YZhd6W4TfMw6Edt6HnLaCMhmQCg=", run.Output, StringComparison.Ordinal);
        AssertOneLine(run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void VerifyTiles_GoWrittenLog_AnyChangedByteIsRejectedNamingTheFile()
    {
        var files = GoLogFiles();
        var dir = Write(files);
        var random = new Random(6962);

        foreach (var (path, original) in files)
        {
            var full = Path.Combine(dir, path);
            for (var trial = 0; trial < 25; trial++)
            {
                var position = trial == 0 ? original.Length - 1 : random.Next(original.Length);
                var tampered = (byte[])original.Clone();
                tampered[position] ^= (byte)random.Next(1, 256);
                File.WriteAllBytes(full, tampered);

                var run = CliRun.Invoke("log", "verify-tiles", dir, "--key", TestLog.VerifierKeyText);

                Assert.True(run.ExitCode == 1, $"{path} byte {position} changed: {run}");
                Assert.StartsWith($"invalid: {path}: ", run.Error, StringComparison.Ordinal);
                AssertOneLine(run.Error);
            }

            File.WriteAllBytes(full, original);
        }

        Assert.Equal(0, CliRun.Invoke("log", "verify-tiles", dir, "--key", TestLog.VerifierKeyText).ExitCode);
    }

    [Fact]
    public void VerifyTiles_CheckpointSignatureBase64LowBitFlipped_IsRejected()
    {
        // x/mod 0.7.0's note.Open decodes base64 leniently and would accept this; our parser requires canonical base64.
        var files = GoLogFiles();
        var text = Encoding.UTF8.GetString(files["checkpoint"]);
        Assert.EndsWith("vgo=\n", text, StringComparison.Ordinal);
        files["checkpoint"] = Encoding.UTF8.GetBytes(text[..^5] + "vgp=\n");

        var run = CliRun.Invoke("log", "verify-tiles", Write(files), "--key", TestLog.VerifierKeyText);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("invalid: checkpoint: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyTiles_FreshBiggerGoLog_IsValidAndRejectsChangedBytes()
    {
        var dir = go.CreateScratchDirectory();
        var made = go.Run("mklog", dir, "70000", "fresh-bigger-log", TestLog.SignerKeyText);
        Assert.True(made.Succeeded, made.ToString());
        var files = TestLog.ReadDirectory(dir);

        var valid = CliRun.Invoke("log", "verify-tiles", dir, "--key", TestLog.VerifierKeyText);

        Assert.Equal(0, valid.ExitCode);
        Assert.Contains("size 70000 ", valid.Output, StringComparison.Ordinal);
        Assert.Contains("70000 entries, 277 hash tiles", valid.Output, StringComparison.Ordinal);

        // One changed byte in each kind of file: checkpoint, full and partial tiles at each level, bundles.
        string[] targets = ["checkpoint", "tile/0/000", "tile/0/272", "tile/0/273.p/112", "tile/1/000", "tile/1/001.p/17", "tile/2/000.p/1", "tile/entries/000", "tile/entries/150", "tile/entries/273.p/112"];
        var random = new Random(70000);
        foreach (var path in targets)
        {
            var original = files[path];
            var full = Path.Combine(dir, path);
            for (var trial = 0; trial < 3; trial++)
            {
                var position = random.Next(original.Length);
                var tampered = (byte[])original.Clone();
                tampered[position] ^= (byte)(1 << random.Next(8));
                File.WriteAllBytes(full, tampered);

                var run = CliRun.Invoke("log", "verify-tiles", dir, "--key", TestLog.VerifierKeyText);

                Assert.True(run.ExitCode == 1, $"{path} byte {position} changed: {run}");
                Assert.StartsWith($"invalid: {path}: ", run.Error, StringComparison.Ordinal);
            }

            File.WriteAllBytes(full, original);
        }
    }

    [Fact]
    public void VerifyTiles_OurLogWrittenToAFolder_IsValid()
    {
        var log = TestLog.FromGoSeed(1000, "ours");

        var run = CliRun.Invoke("log", "verify-tiles", Write(log.Files), "--key", TestLog.VerifierKeyText, "--origin", "example.com/go-tlog");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1000 entries", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyTiles_MissingFolder_ExitsWithEnvironment()
    {
        var run = CliRun.Invoke("log", "verify-tiles", Path.Combine(_scratch, "no-such-log"), "--key", TestLog.VerifierKeyText);

        Assert.Equal(3, run.ExitCode);
        AssertOneLine(run.Error);
    }

    [Fact]
    public void VerifyTiles_MissingTile_ExitsWithCheckFailedNamingIt()
    {
        var files = GoLogFiles();
        files.Remove("tile/1/000.p/1");

        var run = CliRun.Invoke("log", "verify-tiles", Write(files), "--key", TestLog.VerifierKeyText);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("invalid: tile/1/000.p/1: ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.com/go-tlog+c5dbb9d0")]
    [InlineData("example.com/go-tlog+c5dbb9d1+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4")]
    [InlineData("not a key")]
    public void VerifyTiles_MalformedKey_ExitsWithUsage(string key)
    {
        var run = CliRun.Invoke("log", "verify-tiles", GoLogDirectory, "--key", key);

        Assert.Equal(2, run.ExitCode);
        AssertOneLine(run.Error);
    }

    [Fact]
    public void VerifyTiles_PrivateKeyGivenAsKey_ExitsWithUsageWithoutEchoingIt()
    {
        var run = CliRun.Invoke("log", "verify-tiles", GoLogDirectory, "--key", TestLog.SignerKeyText);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("AQABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f", run.Error, StringComparison.Ordinal);
        AssertOneLine(run.Error);
    }

    [Fact]
    public void VerifyTiles_AnotherLogsKey_ExitsWithCheckFailedOnTheCheckpoint()
    {
        using var temp = new TempFolder();
        var other = CliRun.Invoke("log", "keygen", "example.com/go-tlog", "--out", temp["other.key"]).Output.Trim();

        var run = CliRun.Invoke("log", "verify-tiles", GoLogDirectory, "--key", other);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("invalid: checkpoint: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyTiles_OverHttp_IsValid()
    {
        using var server = LoopbackServer.ForFiles(GoLogFiles());

        var run = CliRun.Invoke("log", "verify-tiles", server.Prefix, "--key", TestLog.VerifierKeyText);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("valid: example.com/go-tlog size 300 ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyTiles_OverHttpPrefixWithoutSlash_IsValid()
    {
        using var server = LoopbackServer.ForFiles(GoLogFiles());

        var run = CliRun.Invoke("log", "verify-tiles", server.Prefix.TrimEnd('/'), "--key", TestLog.VerifierKeyText);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void VerifyTiles_OverHttpTileNotFound_ExitsWithCheckFailedNamingIt()
    {
        var files = GoLogFiles();
        files.Remove("tile/entries/001.p/44");
        using var server = LoopbackServer.ForFiles(files);

        var run = CliRun.Invoke("log", "verify-tiles", server.Prefix, "--key", TestLog.VerifierKeyText);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("invalid: tile/entries/001.p/44: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyTiles_OverHttpOversizedTile_ReadsABoundedAmountAndFails()
    {
        var files = GoLogFiles();
        files["tile/0/000"] = new byte[50 << 20];
        using var server = LoopbackServer.ForFiles(files);

        var run = CliRun.Invoke("log", "verify-tiles", server.Prefix, "--key", TestLog.VerifierKeyText);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("invalid: tile/0/000: the hash tile is 8193 bytes", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyTiles_OverHttpServerError_ExitsWithEnvironment()
    {
        using var server = new LoopbackServer(_ => (HttpStatusCode.InternalServerError, null));

        var run = CliRun.Invoke("log", "verify-tiles", server.Prefix, "--key", TestLog.VerifierKeyText);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("HTTP 500", run.Error, StringComparison.Ordinal);
        AssertOneLine(run.Error);
    }

    [Fact]
    public void VerifyTiles_OverHttpNoAnswerInTime_ExitsWithEnvironment()
    {
        using var server = new LoopbackServer(_ => (HttpStatusCode.OK, [])) { Delay = TimeSpan.FromSeconds(30) };

        var run = CliRun.Invoke("log", "verify-tiles", server.Prefix, "--key", TestLog.VerifierKeyText, "--timeout", "1");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("no response within 1 seconds", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyTiles_OverHttpConnectionRefused_ExitsWithEnvironment()
    {
        string prefix;
        using (var server = LoopbackServer.ForFiles(GoLogFiles()))
        {
            prefix = server.Prefix;
        }

        var run = CliRun.Invoke("log", "verify-tiles", prefix, "--key", TestLog.VerifierKeyText, "--timeout", "5");

        Assert.Equal(3, run.ExitCode);
        AssertOneLine(run.Error);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/log/")]
    [InlineData("http://127.0.0.1/log/?q=1")]
    public void VerifyTiles_UnsupportedUrl_ExitsWithUsage(string url)
    {
        var run = CliRun.Invoke("log", "verify-tiles", url, "--key", TestLog.VerifierKeyText);

        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3601")]
    public void VerifyTiles_TimeoutOutOfRange_ExitsWithUsage(string seconds)
    {
        var run = CliRun.Invoke("log", "verify-tiles", GoLogDirectory, "--key", TestLog.VerifierKeyText, "--timeout", seconds);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--timeout", run.Error, StringComparison.Ordinal);
    }
}
