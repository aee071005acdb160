using System.Text.Json;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Tests.Commands.Log;

public sealed class KeygenCommandTests : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Keygen_Out_WritesAnOwnerOnlyKeyFileAndPrintsOnlyTheVerifierKey()
    {
        var path = _temp["log.key"];

        var run = CliRun.Invoke("log", "keygen", "example.com/log", "--out", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.DoesNotContain("PRIVATE+KEY", run.Output, StringComparison.Ordinal);
        var line = run.Output.Trim();
        Assert.DoesNotContain('\n', line);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var privateKey = KeyFile.ReadSecret(path);
        Assert.True(SignerKey.TryParse(privateKey, out var signer, out var error), error?.Message);
        using (signer)
        {
            Assert.StartsWith("PRIVATE+KEY+example.com/log+", privateKey, StringComparison.Ordinal);
            Assert.Equal(signer.VerifierKey.ToString(), line);
            Assert.True(VerifierKey.TryParse(line, out var verifier, out _));
            var note = SignedNote.Sign("hello\n", signer.CreateSigner());
            Assert.True(note.TryVerify(new NoteVerifierSet([verifier.CreateVerifier()]), out _, out _));
        }
    }

    /// <summary>The private key was printed to standard output (a terminal's scrollback, a CI log): now there is no way to print it.</summary>
    [Fact]
    public void Keygen_WithoutOut_UsageErrorAndNoKeyPrinted()
    {
        var run = CliRun.Invoke("log", "keygen", "example.com/log");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("give --out <file>", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE+KEY", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Keygen_OutExists_RefusedAndTheFileKept()
    {
        var path = _temp["log.key"];
        File.WriteAllText(path, "keep me\n");

        var run = CliRun.Invoke("log", "keygen", "example.com/log", "--out", path);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("already exists", run.Error, StringComparison.Ordinal);
        Assert.Equal("keep me\n", File.ReadAllText(path));
    }

    [Fact]
    public void Keygen_Twice_GivesDifferentKeys()
    {
        var first = CliRun.Invoke("log", "keygen", "example.com/log", "--out", _temp["first.key"]);
        var second = CliRun.Invoke("log", "keygen", "example.com/log", "--out", _temp["second.key"]);

        Assert.NotEqual(first.Output, second.Output);
        Assert.NotEqual(File.ReadAllText(_temp["first.key"]), File.ReadAllText(_temp["second.key"]));
    }

    [Fact]
    public void Keygen_Json_PrintsNameKeyIdVerifierKeyAndTheFile()
    {
        var path = _temp["witness.key"];

        var run = CliRun.Invoke("log", "keygen", "witness.example/w1", "--witness", "--out", path, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.False(root.TryGetProperty("privateKey", out _));
        Assert.Equal("witness.example/w1", root.GetProperty("name").GetString());
        Assert.Equal(Path.GetFullPath(path), root.GetProperty("privateKeyFile").GetString());
        Assert.True(SignerKey.TryParse(KeyFile.ReadSecret(path), out var signer, out _));
        using (signer)
        {
            Assert.Equal(NoteKeyType.CosignatureV1, signer.Type);
            Assert.Equal($"{signer.KeyId:x8}", root.GetProperty("keyId").GetString());
            Assert.Equal(signer.VerifierKey.ToString(), root.GetProperty("verifierKey").GetString());
        }
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("a+b")]
    [InlineData("")]
    public void Keygen_InvalidName_ExitsWithUsageAndOneLine(string name)
    {
        var run = CliRun.Invoke("log", "keygen", name, "--out", _temp["bad.key"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(_temp["bad.key"]));
    }
}
