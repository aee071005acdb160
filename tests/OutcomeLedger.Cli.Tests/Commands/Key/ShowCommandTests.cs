using System.Text.Json;

namespace OutcomeLedger.Cli.Tests.Commands.Key;

/// <summary>
/// <c>outcomes key show --public</c> prints the one line a party sends the operator: its public key, which
/// <c>party add --public-key</c> registers, and never any of the private key.
/// </summary>
public sealed class ShowCommandTests : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Show_Public_PrintsOnlyThePublicKeyLineThatPartyAddRegisters()
    {
        var generated = CliRun.Invoke("key", "generate", "--out", _temp["mx.key"], "--json");
        Assert.Equal(0, generated.ExitCode);
        using var json = JsonDocument.Parse(generated.Output);
        var expected = json.RootElement.GetProperty("publicKey").GetString();
        var keyId = json.RootElement.GetProperty("keyId").GetString();
        var secret = File.ReadAllText(_temp["mx.key"]).Trim()["ed25519:".Length..];

        var shown = CliRun.Invoke("key", "show", "--key", _temp["mx.key"], "--public");

        Assert.Equal(0, shown.ExitCode);
        Assert.Equal(expected + "\n", shown.Output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(secret, shown.Output, StringComparison.Ordinal);

        var ledger = _temp["ledger"];
        Assert.Equal(0, CliRun.Invoke("init", ledger, "--origin", "test.example/us-mx").ExitCode);
        var added = CliRun.Invoke("party", "add", "mx", "--name", "Mexico", "--role", "party", "--public-key", shown.Output.Trim(), "--ledger", ledger);
        Assert.True(added.ExitCode == 0, added.Error);
        using var listed = JsonDocument.Parse(CliRun.Invoke("party", "list", "--json", "--ledger", ledger).Output);
        var mx = listed.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "mx");
        Assert.Contains(keyId, Strings(mx));
    }

    // Every string value in a JSON element, however deep: the registered key's id, wherever the listing puts it.
    static IEnumerable<string?> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [Fact]
    public void Show_WithoutPublic_PrintsThePublicKeyAndKeyId()
    {
        Assert.Equal(0, CliRun.Invoke("key", "generate", "--out", _temp["us.key"]).ExitCode);

        var shown = CliRun.Invoke("key", "show", "--key", _temp["us.key"]);

        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("Public key: ", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Key id:", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Public_MissingKeyFile_FailsWithOneLine()
    {
        var shown = CliRun.Invoke("key", "show", "--key", _temp["absent.key"], "--public");

        Assert.NotEqual(0, shown.ExitCode);
        Assert.Empty(shown.Output);
        Assert.Contains("absent.key", shown.Error, StringComparison.Ordinal);
    }
}
