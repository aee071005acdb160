using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Api;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Tests.Commands.Serve;

/// <summary>
/// One writer at a time on a SQLite ledger folder (issue 15, Deliver 6): while <c>outcomes serve</c> holds it, a
/// command's write is refused with one line naming the server's process and address and logs nothing, reads still
/// answer, and once the server stops the same write succeeds; commands writing side by side all succeed.
/// </summary>
public sealed class OneWriterTests : IDisposable
{
    readonly TestLedger _ledger = new(withCommitment: false);

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static async Task<(WebApplication App, string Url)> ServeAsync(string ledger)
    {
        var app = await LedgerServer.BuildAsync(new LedgerServerOptions { Ledger = ledger, Urls = ["http://127.0.0.1:0"] }, Cancel);
        await app.StartAsync(Cancel);
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    static async Task<ulong> ServedSizeAsync(string url)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var checkpoint = await client.GetStringAsync("checkpoint", Cancel);
        return ulong.Parse(checkpoint.Split('\n')[1], CultureInfo.InvariantCulture);
    }

    CliRun AddAgreement(string id) => _ledger.RunIn("agreement", "add", id, "--title", "Security group " + id, "--party", "us,mx");

    [Fact]
    public async Task Write_WhileServing_RefusedNamingServerNothingLoggedThenAcceptedAfterStop()
    {
        var (app, url) = await ServeAsync(_ledger.LedgerPath);
        var size = await ServedSizeAsync(url);

        var refused = AddAgreement("us-mx-security").AssertFails(ExitCodes.Environment,
            $"ledger {_ledger.LedgerPath} is in use by outcomes serve, pid {Environment.ProcessId}; send writes to {url} (or stop the server)");
        Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", refused.Output);
        _ledger.RunIn("party", "add", "ca", "--name", "Canada", "--role", "party", "--public-key", _ledger.KeyOf("other"))
            .AssertFails(ExitCodes.Environment, "is in use by outcomes serve");

        // Reads go on beside the server.
        Assert.Contains("United States", _ledger.RunIn("party", "list").AssertOk().Output, StringComparison.Ordinal);
        _ledger.RunIn("log", "verify").AssertOk();
        Assert.Equal(size, await ServedSizeAsync(url));

        await app.StopAsync(Cancel);
        await app.DisposeAsync();
        Assert.False(File.Exists(Path.Combine(_ledger.LedgerPath, LedgerWriterLock.StatusFile)));

        Assert.Contains($"logged at entry {size}", AddAgreement("us-mx-security").AssertOk().Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_SecondServerOnTheSameFolder_RefusedNamingTheFirst()
    {
        var (app, url) = await ServeAsync(_ledger.LedgerPath);
        await using (app)
        {
            CliRun.Invoke("serve", "--ledger", _ledger.LedgerPath, "--urls", "http://127.0.0.1:0")
                .AssertFails(ExitCodes.Environment, $"is in use by outcomes serve, pid {Environment.ProcessId}; send writes to {url}");
            await app.StopAsync(Cancel);
        }
    }

    [Fact]
    public void Write_StatusLeftByAKilledServer_Ignored()
    {
        // A server killed with SIGKILL leaves writer.json behind; the system released its lock.
        File.WriteAllText(Path.Combine(_ledger.LedgerPath, LedgerWriterLock.StatusFile), "{\"pid\": 2147483646, \"urls\": [\"http://127.0.0.1:5080\"]}");
        AddAgreement("us-mx-security").AssertOk();
    }

    [Fact]
    public async Task Write_ThreeCommandsAtOnce_EveryWriteLoggedWithoutError()
    {
        const int Writers = 3, Each = 8;
        var runs = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
            Enumerable.Range(0, Each).Select(i => AddAgreement($"agreement-{w}-{i}")).ToList(), Cancel)));

        foreach (var run in runs.SelectMany(r => r))
        {
            run.AssertOk();
        }

        var state = await _ledger.StateAsync();
        for (var w = 0; w < Writers; w++)
        {
            for (var i = 0; i < Each; i++)
            {
                Assert.NotNull(state.FindAgreement(new Core.Ledger.AgreementId($"agreement-{w}-{i}")));
            }
        }

        _ledger.RunIn("log", "verify").AssertOk();
    }

    public void Dispose() => _ledger.Dispose();
}
