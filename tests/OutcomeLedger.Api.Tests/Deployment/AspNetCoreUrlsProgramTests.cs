using System.Net;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api.Tests.Deployment;

/// <summary>
/// Issue 15, Deliver 1, as an operator meets it: the real <c>outcomes serve</c> program, told where to listen by
/// <c>ASPNETCORE_URLS</c> alone, listens there; <c>--urls</c> given as well wins over it.
/// </summary>
public sealed class AspNetCoreUrlsProgramTests : IDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    readonly string _folder = Directory.CreateTempSubdirectory("outcomes-urls-").FullName;

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    async Task<string> LedgerAsync()
    {
        var path = Path.Combine(_folder, "ledger");
        await using (await LedgerFolder.CreateAsync(path, "urls.example/log", null, Cancel))
        {
        }

        return path;
    }

    [Fact]
    public async Task Serve_AspNetCoreUrls_ListensThere()
    {
        var ledger = await LedgerAsync();
        var port = ServeChild.FreePort();
        await using var server = await ServeChild.StartAsync(["--ledger", ledger], new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }, Patience, Cancel);

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), server.Address);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Patience };
        using var alive = await client.GetAsync("healthz", Cancel);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.StartsWith($"Serving urls.example/log on http://127.0.0.1:{port}", server.Output(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_UrlsAndAspNetCoreUrls_UrlsWin()
    {
        var ledger = await LedgerAsync();
        var ignored = ServeChild.FreePort();
        var chosen = ServeChild.FreePort();
        await using var server = await ServeChild.StartAsync(
            ["--ledger", ledger, "--urls", $"http://127.0.0.1:{chosen}"],
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ignored}" },
            Patience,
            Cancel);

        Assert.Equal(chosen, server.Address.Port);
        using var client = new HttpClient { Timeout = Patience };
        using var alive = await client.GetAsync(new Uri($"http://127.0.0.1:{chosen}/healthz"), Cancel);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{ignored}/healthz"), Cancel));
    }
}
