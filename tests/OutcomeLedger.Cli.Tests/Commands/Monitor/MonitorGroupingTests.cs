using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Api;

namespace OutcomeLedger.Cli.Tests.Commands.Monitor;

/// <summary>
/// <c>outcomes monitor</c> against a served ledger tells runs of entries in one line each (six values reported, six
/// acknowledged, one correction with both figures), in English and Spanish, while <c>--json</c> keeps one exact
/// object per entry and the runs by entry index. The entries are written before the server starts: the CLI does not
/// write to a ledger folder that a server holds.
/// </summary>
public sealed class MonitorGroupingTests : IAsyncLifetime
{
    const string Indicator = "sw-border-fentanyl-seizures";
    readonly TestLedger _ledger = new();
    WebApplication? _server;
    string _url = "";
    string _logKey = "";
    string _state = "";
    ulong _correction;

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _ledger.AddIndicator(Indicator);
        var march = 0UL;
        foreach (var (month, value) in new[] { ("2026-01", "1200"), ("2026-02", "1150.25"), ("2026-03", "1118.4"), ("2026-04", "1000"), ("2026-05", "990"), ("2026-06", "975") })
        {
            var added = _ledger.RunIn("measure", "add", Indicator, "--period", month, "--value", value, "--dataset", "CBP", "--json",
                "--as", "us", "--key", _ledger.KeyOf("us")).AssertOk();
            using var json = JsonDocument.Parse(added.Output);
            march = month == "2026-03" ? json.RootElement.GetProperty("measurement").GetUInt64() : march;
        }

        _ledger.RunIn("attest", "--indicator", Indicator, "--from", "2026-01", "--to", "2026-06", "--verdict", "acknowledged", "--as", "mx", "--key", _ledger.KeyOf("mx")).AssertOk();
        var corrected = _ledger.RunIn("measure", "add", Indicator, "--period", "2026-03", "--value", "1090", "--supersedes", march.ToString(CultureInfo.InvariantCulture),
            "--dataset", "CBP", "--json", "--as", "us", "--key", _ledger.KeyOf("us")).AssertOk();
        using (var json = JsonDocument.Parse(corrected.Output))
        {
            _correction = json.RootElement.GetProperty("measurement").GetUInt64();
        }

        _logKey = (await File.ReadAllTextAsync(Path.Combine(_ledger.LedgerPath, "keys", "log.vkey"), Cancel)).Trim();
        _state = Path.Combine(_ledger.Folder, "monitor");
        _server = await LedgerServer.BuildAsync(new LedgerServerOptions { Ledger = _ledger.LedgerPath, Urls = ["http://127.0.0.1:0"] }, Cancel);
        await _server.StartAsync(Cancel);
        _url = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    CliRun Monitor(string state, params string[] extra) => TestLedger.Run(["monitor", _url, "--log-key", _logKey, "--state", Path.Combine(_state, state), .. extra]);

    [Fact]
    public void Monitor_RunsOfEntries_OneLineEachInPlainWords()
    {
        var lines = Monitor("en").AssertOk().Output.Split('\n').Select(l => l.Trim()).ToList();
        var es = Monitor("es", "--lang", "es").AssertOk().Output;

        var first = _correction - 12;
        var index = (ulong offset) => (first + offset).ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"{index(0)}–{index(5)}: us reported 6 values of {Indicator}, 2026-01…06", lines);
        Assert.Contains($"{index(6)}–{index(11)}: mx acknowledged 6 values of {Indicator}, 2026-01…06", lines);
        Assert.Contains($"{_correction}: us corrected {Indicator} 2026-03: 1,118 → 1,090 lb", lines);
        Assert.Contains($"mx reconoció 6 valores de {Indicator}, 2026-01…06", es, StringComparison.Ordinal);
        Assert.Contains($"us corrigió {Indicator} 2026-03: 1,118 → 1,090 lb", es, StringComparison.Ordinal);
        Assert.DoesNotContain(" reported ", es, StringComparison.Ordinal);
    }

    [Fact]
    public void Monitor_Json_OneExactObjectPerEntryAndTheRunsByIndex()
    {
        using var line = JsonDocument.Parse(Monitor("json", "--json").AssertOk().Output);
        var root = line.RootElement;
        var size = root.GetProperty("size").GetUInt64();
        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        var groups = root.GetProperty("groups").EnumerateArray().ToList();

        Assert.Equal(size, (ulong)entries.Count);
        Assert.Equal(entries.Select(e => e.GetProperty("index").GetUInt64()), groups.SelectMany(g => g.GetProperty("entries").EnumerateArray().Select(i => i.GetUInt64())));
        var correction = entries.Single(e => e.GetProperty("index").GetUInt64() == _correction);
        Assert.Equal("corrected", correction.GetProperty("action").GetString());
        Assert.Equal("1090", correction.GetProperty("value").GetString());
        Assert.Equal("1118.4", correction.GetProperty("superseded").GetString());
        Assert.Equal("lb", correction.GetProperty("unit").GetString());
        var acknowledged = groups.Single(g => g.GetProperty("action").GetString() == "attested");
        Assert.Equal("acknowledged", acknowledged.GetProperty("verdict").GetString());
        Assert.Equal("mx", acknowledged.GetProperty("author").GetString());
        Assert.Equal(6, acknowledged.GetProperty("entries").GetArrayLength());
        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], acknowledged.GetProperty("periods").EnumerateArray().Select(p => p.GetString()));
        Assert.False(entries[0].TryGetProperty("value", out _), "an entry without a value has no value member");
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
