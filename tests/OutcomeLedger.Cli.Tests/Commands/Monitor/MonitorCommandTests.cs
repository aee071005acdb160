using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Api;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Cli.Tests.Commands.Monitor;

/// <summary>
/// <c>outcomes monitor</c> against a real server on a real ledger: a first look and growth reported in plain words, a
/// verified mirror that <c>log verify-tiles</c> accepts, and a fork, a rollback, a state folder of another log and a
/// peer holding another view each refused loudly, with evidence saved and the state left as it was.
/// </summary>
public sealed class MonitorCommandTests : IAsyncLifetime
{
    readonly TestLedger _ledger = new(withCommitment: false);
    WebApplication? _server;
    WebApplication? _peer;
    string _url = "";
    string _logKey = "";
    string _state = "";

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _logKey = (await File.ReadAllTextAsync(Path.Combine(_ledger.LedgerPath, "keys", "log.vkey"), Cancel)).Trim();
        _state = Path.Combine(_ledger.Folder, "monitor");
        _server = await LedgerServer.BuildAsync(new LedgerServerOptions { Ledger = _ledger.LedgerPath, Urls = ["http://127.0.0.1:0"] }, Cancel);
        await _server.StartAsync(Cancel);
        _url = Address(_server);
    }

    static string Address(WebApplication app) => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    CliRun Monitor(params string[] extra) => TestLedger.Run(["monitor", _url, "--log-key", _logKey, "--state", _state, .. extra]);

    string StateText => File.ReadAllText(Path.Combine(_state, "monitor.json"));

    [Fact]
    public async Task Monitor_FirstLookThenGrowth_ReportsInPlainWordsAndMirrorsVerifiedTiles()
    {
        var first = Monitor().AssertOk().Output;
        Assert.Contains("first look", first, StringComparison.Ordinal);
        var size = JsonDocument.Parse(StateText).RootElement.GetProperty("Size").GetUInt64();
        Assert.Contains("no new entries", Monitor().AssertOk().Output, StringComparison.Ordinal);

        // Through the server: it holds the ledger folder, so a command's write would be refused.
        await ServedWrites.AddAgreementAsync(_ledger, _url, "us-mx-security", "Security group", "us", "mx");
        await WaitUntilServedAsync(size + 1);
        var grown = Monitor("--lang", "es").AssertOk().Output;
        Assert.Contains($"{size} → {size + 1} entradas", grown, StringComparison.Ordinal);
        Assert.Contains($"{size}: operator", grown, StringComparison.Ordinal);

        var json = Monitor("--json").AssertOk().Output;
        using var line = JsonDocument.Parse(json);
        Assert.Equal("verified", line.RootElement.GetProperty("event").GetString());
        Assert.Equal(size + 1, line.RootElement.GetProperty("size").GetUInt64());

        TestLedger.Run("log", "verify-tiles", Path.Combine(_state, "tiles"), "--key", _logKey).AssertOk();
    }

    [Fact]
    public void Monitor_StateOfAnotherLog_RefusedWithoutTouchingIt()
    {
        Directory.CreateDirectory(_state);
        var other = JsonSerializer.Serialize(new { Origin = "other.example/log", Size = 1UL, Root = Rfc6962.HashLeaf("x"u8).ToBase64() });
        File.WriteAllText(Path.Combine(_state, "monitor.json"), other);
        Monitor().AssertFails(1, "the state is for the log 'other.example/log'", "evidence:");
        Assert.Equal(other, StateText);
        Assert.False(Directory.Exists(Path.Combine(_state, "tiles")));
    }

    [Fact]
    public void Monitor_ForkedOrRolledBackLog_AlarmWithEvidenceStateKept()
    {
        Monitor().AssertOk();
        using var state = JsonDocument.Parse(StateText);
        var origin = state.RootElement.GetProperty("Origin").GetString();
        var size = state.RootElement.GetProperty("Size").GetUInt64();

        // What the monitor verified before is another root at an earlier size: the log served now does not extend it.
        var forked = JsonSerializer.Serialize(new { Origin = origin, Size = size - 1, Root = Rfc6962.HashLeaf("another history"u8).ToBase64() });
        File.WriteAllText(Path.Combine(_state, "monitor.json"), forked);
        Monitor().AssertFails(1, "forked:", "evidence:");
        Assert.Equal(forked, StateText);

        var ahead = JsonSerializer.Serialize(new { Origin = origin, Size = size + 10, Root = Rfc6962.HashLeaf("more"u8).ToBase64() });
        File.WriteAllText(Path.Combine(_state, "monitor.json"), ahead);
        var run = Monitor("--json").AssertFails(1, "rolled back:");
        Assert.Contains("\"event\":\"alarm\"", run.Output, StringComparison.Ordinal);
        Assert.Equal(ahead, StateText);
        var evidence = Directory.GetDirectories(Path.Combine(_state, "evidence"));
        Assert.Equal(2, evidence.Length);
        Assert.All(evidence, e => Assert.True(File.Exists(Path.Combine(e, "checkpoint")) && File.Exists(Path.Combine(e, "alarm.txt"))));
    }

    [Fact]
    public async Task Monitor_PeerWithAnotherSignedView_SplitViewAlarm_AndAnAgreeingPeerSaysSo()
    {
        Assert.Contains($"peer {_url}: the same history", Monitor("--peer", _url).AssertOk().Output, StringComparison.Ordinal);

        // The log key signs another root for the same size and shows it to someone else (the peer).
        using var client = new HttpClient { BaseAddress = new Uri(_url) };
        var served = await client.GetStringAsync("checkpoint", Cancel);
        Assert.True(SignerKey.TryParse(File.ReadAllText(Path.Combine(_ledger.LedgerPath, "keys", "log.key")).Trim(), out var logKey, out _));
        using (logKey)
        {
            var lines = served.Split('\n');
            var other = new Checkpoint(lines[0], ulong.Parse(lines[1], CultureInfo.InvariantCulture), Rfc6962.HashLeaf("the other view"u8)).Sign(logKey.CreateSigner()).ToString();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            _peer = builder.Build();
            _peer.MapGet("/checkpoint", () => Results.Text(other));
            await _peer.StartAsync(Cancel);
        }

        Monitor("--peer", Address(_peer)).AssertFails(1, "split view:", "evidence:");
        var evidence = Directory.GetDirectories(Path.Combine(_state, "evidence")).Single();
        Assert.True(File.Exists(Path.Combine(evidence, "peer-1.checkpoint")));
    }

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

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _server, _peer })
        {
            if (app is not null)
            {
                await app.StopAsync(Cancel);
                await app.DisposeAsync();
            }
        }

        _ledger.Dispose();
    }
}
