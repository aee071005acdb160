using System.Text.Json;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Cli.Tests.Commands.Log;

public class KeygenCommandTests
{
    [Fact]
    public void Keygen_Name_PrintsAMatchingPrivateAndVerifierKey()
    {
        var run = CliRun.Invoke("log", "keygen", "example.com/log");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.True(SignerKey.TryParse(lines[0], out var signer, out var error), error?.Message);
        using (signer)
        {
            Assert.StartsWith("PRIVATE+KEY+example.com/log+", lines[0], StringComparison.Ordinal);
            Assert.Equal(signer.VerifierKey.ToString(), lines[1]);
            Assert.True(VerifierKey.TryParse(lines[1], out var verifier, out _));
            var note = SignedNote.Sign("hello\n", signer.CreateSigner());
            Assert.True(note.TryVerify(new NoteVerifierSet([verifier.CreateVerifier()]), out _, out _));
        }
    }

    [Fact]
    public void Keygen_Twice_GivesDifferentKeys()
    {
        var first = CliRun.Invoke("log", "keygen", "example.com/log");
        var second = CliRun.Invoke("log", "keygen", "example.com/log");

        Assert.NotEqual(first.Output, second.Output);
    }

    [Fact]
    public void Keygen_Json_PrintsNameKeyIdAndBothKeys()
    {
        var run = CliRun.Invoke("log", "keygen", "example.com/log", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("example.com/log", root.GetProperty("name").GetString());
        Assert.True(SignerKey.TryParse(root.GetProperty("privateKey").GetString(), out var signer, out _));
        using (signer)
        {
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
        var run = CliRun.Invoke("log", "keygen", name);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
