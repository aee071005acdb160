using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Api;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Cli.Tests.Commands.Witness;

/// <summary>
/// <c>outcomes witness</c> against a real server on a real ledger: it cosigns, the log then serves the cosignature with
/// its checkpoint, growth is checked by a consistency proof, and a rolled-back or forked log, a wrong log key, an
/// unlisted witness and a key of the wrong kind are each refused without touching the state.
/// </summary>
public sealed class WitnessCommandTests : IAsyncLifetime
{
    const string WitnessName = "witness.example/w1";

    readonly TestLedger _ledger = new(withCommitment: false);
    WebApplication? _server;
    string _url = "";
    string _logKey = "";
    string _witnessKey = "";
    string _witnessVerifier = "";
    string _state = "";

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _logKey = (await File.ReadAllTextAsync(Path.Combine(_ledger.LedgerPath, "keys", "log.vkey"), Cancel)).Trim();
        _witnessKey = Path.Combine(_ledger.Folder, "witness.key");
        _witnessVerifier = TestLedger.Run("log", "keygen", WitnessName, "--witness", "--out", _witnessKey).AssertOk().Output.Trim();
        await File.WriteAllTextAsync(Path.Combine(_ledger.LedgerPath, "witnesses.txt"), _witnessVerifier + "\n", Cancel);
        _state = Path.Combine(_ledger.Folder, "witness-state.json");

        _server = await LedgerServer.BuildAsync(new LedgerServerOptions { Ledger = _ledger.LedgerPath, Urls = ["http://127.0.0.1:0"] }, Cancel);
        await _server.StartAsync(Cancel);
        _url = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    CliRun Witness(params string[] extra) => TestLedger.Run(["witness", _url, "--log-key", _logKey, "--key", _witnessKey, "--state", _state, .. extra]);

    [Fact]
    public async Task Witness_FirstContactThenGrowth_CosignsAndTheLogServesTheCosignature()
    {
        var first = Witness().AssertOk();
        Assert.Contains("first contact: trusted on first use", first.Output, StringComparison.Ordinal);
        var size = await AssertServedWithCosignatureAsync();

        Assert.Contains("already cosigned", Witness().AssertOk().Output, StringComparison.Ordinal);

        // Through the server: it holds the ledger folder, so a command's write would be refused.
        await ServedWrites.AddAgreementAsync(_ledger, _url, "us-mx-security", "Security group", "us", "mx");
        await WaitUntilServedAsync(size + 1);
        var grown = Witness("--json").AssertOk();
        using var json = JsonDocument.Parse(grown.Output);
        Assert.Equal(size, json.RootElement.GetProperty("previousSize").GetUInt64());
        Assert.True(json.RootElement.GetProperty("cosigned").GetBoolean());
        Assert.False(json.RootElement.GetProperty("trustOnFirstUse").GetBoolean());
        var newSize = await AssertServedWithCosignatureAsync();
        Assert.Equal(size + 1, newSize);
        Assert.Equal(newSize, State().Size);
    }

    [Fact]
    public void Witness_RolledBackLog_RefusedAndStateKept()
    {
        Witness().AssertOk();
        var size = State().Size;
        var state = RewriteState(size + 5, Rfc6962.HashLeaf("another tree"u8).ToBase64());

        Witness().AssertFails(1, "rolled back", $"size {size + 5}");
        Assert.Equal(state, File.ReadAllText(_state));
    }

    [Fact]
    public void Witness_ForkedLog_RefusedAndStateKept()
    {
        Witness().AssertOk();
        var size = State().Size;

        // Same size, another root: two views of the log.
        var sameSize = RewriteState(size, Rfc6962.HashLeaf("a fork"u8).ToBase64());
        Witness().AssertFails(1, "forked");
        Assert.Equal(sameSize, File.ReadAllText(_state));

        // A smaller size with a root the log never had: the consistency proof cannot verify.
        var smaller = RewriteState(size - 1, Rfc6962.HashLeaf("a fork"u8).ToBase64());
        Witness().AssertFails(1, "inconsistent", $"from size {size - 1} to {size}");
        Assert.Equal(smaller, File.ReadAllText(_state));
    }

    [Fact]
    public void Witness_WrongLogKey_RefusedWithoutState()
    {
        var other = TestLedger.Run("log", "keygen", "other.example/log", "--out", Path.Combine(_ledger.Folder, "other-log.key")).AssertOk().Output.Trim();
        TestLedger.Run("witness", _url, "--log-key", other, "--key", _witnessKey, "--state", _state).AssertFails(1, "does not verify with --log-key other.example/log");
        Assert.False(File.Exists(_state));
    }

    [Fact]
    public void Witness_LogKeyAsWitnessKey_UsageError()
    {
        var logKey = Path.Combine(_ledger.LedgerPath, "keys", "log.key");
        TestLedger.Run("witness", _url, "--log-key", _logKey, "--key", logKey, "--state", _state).AssertFails(2, "not a cosignature/v1 key");
    }

    [Fact]
    public void Witness_WitnessTheLogDoesNotList_RefusedByTheLog()
    {
        File.WriteAllText(Path.Combine(_ledger.LedgerPath, "witnesses.txt"), "");
        Witness().AssertFails(1, "refused the cosignature", "403", "witnesses.txt");
    }

    [Fact]
    public async Task Witness_PrivateLog_NeedsAToken()
    {
        await _server!.StopAsync(Cancel);
        await _server.DisposeAsync();
        _server = await LedgerServer.BuildAsync(new LedgerServerOptions { Ledger = _ledger.LedgerPath, Urls = ["http://127.0.0.1:0"], Private = true }, Cancel);
        await _server.StartAsync(Cancel);
        _url = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var token = (await new Core.Access.AccessTokens(Storage.TokenFile.InFolder(_ledger.LedgerPath)).CreateAsync(new("gao"), Core.Access.AccessRole.Verifier, DateTimeOffset.UnixEpoch, Cancel)).Token;

        Witness().AssertFails(3, "401", "--token");
        Assert.False(File.Exists(_state));
        Assert.Contains("first contact", Witness("--token", token).AssertOk().Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The server keeps its checkpoint for up to a second (max-age=1) when another process, here the CLI, writes to the
    /// ledger; a witness polling then sees the growth on a later round, as this waits for.
    /// </summary>
    async Task WaitUntilServedAsync(ulong size)
    {
        using var client = new HttpClient { BaseAddress = new Uri(_url) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var text = await client.GetStringAsync("checkpoint", Cancel);
            if (ulong.Parse(text.Split('\n')[1], CultureInfo.InvariantCulture) >= size)
            {
                return;
            }

            await Task.Delay(100, Cancel);
        }

        Assert.Fail($"the server never served a checkpoint of size {size}");
    }

    async Task<ulong> AssertServedWithCosignatureAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_url) };
        var bytes = await client.GetByteArrayAsync("checkpoint", Cancel);
        Assert.True(VerifierKey.TryParse(_logKey, out var log, out _));
        Assert.True(VerifierKey.TryParse(_witnessVerifier, out var witness, out _));
        var witnessVerifier = witness.CreateVerifier();
        Assert.True(Checkpoint.TryOpen(bytes, log.CreateVerifier(), [witnessVerifier], out var signed, out var error), error?.Message);
        Assert.True(signed.Note.IsSignedBy(witnessVerifier), Encoding.UTF8.GetString(bytes));
        return signed.Checkpoint.TreeSize;
    }

    // The state file is Storage's witness state ({"<origin>": "<size> <root>"}); RewriteState writes the single-log file
    // earlier versions wrote ({"origin", "size", "rootHash"}), which must still be read as the same state.
    (string Origin, ulong Size) State()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(_state));
        var root = json.RootElement;
        if (root.TryGetProperty("size", out var legacySize) && legacySize.ValueKind == JsonValueKind.Number)
        {
            return (root.GetProperty("origin").GetString()!, legacySize.GetUInt64());
        }

        var entry = root.EnumerateObject().Single();
        return (entry.Name, ulong.Parse(entry.Value.GetString()!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    string RewriteState(ulong size, string root)
    {
        var origin = State().Origin;
        var text = JsonSerializer.Serialize(new { origin, size, rootHash = root });
        File.WriteAllText(_state, text);
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync(Cancel);
            await _server.DisposeAsync();
        }

        _ledger.Dispose();
    }
}
