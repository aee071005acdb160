using Microsoft.Extensions.Configuration;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api.Tests.Deployment;

/// <summary>
/// Issue 15, Deliver 1: where the server listens, in the usual order: <c>--urls</c>, <c>ASPNETCORE_URLS</c>, an
/// appsettings.json (Kestrel endpoints, then Urls), loopback.
/// </summary>
public sealed class ListenAddressesTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("outcomes-listen-").FullName;

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    static readonly IConfiguration Everything = Settings(("Urls", "http://127.0.0.1:7003"), ("Kestrel:Endpoints:Main:Url", "http://127.0.0.1:7004"));

    [Fact]
    public void Resolve_UrlsGiven_WinOverEnvironmentAndSettings()
    {
        var listen = ListenAddresses.Resolve(["http://127.0.0.1:7001"], "http://127.0.0.1:7002", Everything);
        Assert.Equal(["http://127.0.0.1:7001"], listen.Urls);
        Assert.Null(listen.KestrelSection);
        Assert.Equal("--urls", listen.Source);
    }

    [Fact]
    public void Resolve_AspNetCoreUrls_WinOverSettings()
    {
        var listen = ListenAddresses.Resolve(null, "http://127.0.0.1:7002; http://[::1]:7002", Everything);
        Assert.Equal(["http://127.0.0.1:7002", "http://[::1]:7002"], listen.Urls);
        Assert.Null(listen.KestrelSection);
        Assert.Equal("ASPNETCORE_URLS", listen.Source);
    }

    [Fact]
    public void Resolve_SettingsKestrelEndpoints_WinOverSettingsUrls()
    {
        var listen = ListenAddresses.Resolve([], "", Everything);
        Assert.Empty(listen.Urls);
        Assert.Equal("http://127.0.0.1:7004", listen.KestrelSection!["Endpoints:Main:Url"]);
    }

    [Fact]
    public void Resolve_SettingsUrls_Used()
    {
        var listen = ListenAddresses.Resolve(null, null, Settings(("Urls", "http://127.0.0.1:7003;http://127.0.0.1:7005")));
        Assert.Equal(["http://127.0.0.1:7003", "http://127.0.0.1:7005"], listen.Urls);
        Assert.Equal("appsettings.json Urls", listen.Source);
    }

    [Fact]
    public void Resolve_NothingSaid_Loopback()
    {
        var listen = ListenAddresses.Resolve(null, null, Settings());
        Assert.Equal([LedgerServerOptions.DefaultUrl], listen.Urls);
        Assert.StartsWith("http://127.0.0.1:", LedgerServerOptions.DefaultUrl, StringComparison.Ordinal);
    }

    async Task<string> LedgerAsync(string settings)
    {
        var path = Path.Combine(_folder, "ledger");
        await using (await LedgerFolder.CreateAsync(path, "listen.example/log", null, Cancel))
        {
        }

        await File.WriteAllTextAsync(Path.Combine(path, ListenAddresses.SettingsFile), settings, Cancel);
        return path;
    }

    [Theory]
    [InlineData("""{ "Urls": "http://127.0.0.1:0" }""")]
    [InlineData("""{ "Kestrel": { "Endpoints": { "Main": { "Url": "http://127.0.0.1:0" } } } }""")]
    public async Task Serve_LedgerFolderAppSettings_ListensWhereTheySay(string settings)
    {
        var ledger = await LedgerAsync(settings);
        await using var app = await LedgerServer.BuildAsync(new LedgerServerOptions { Ledger = ledger }, Cancel);
        await app.StartAsync(Cancel);

        var url = Assert.Single(app.Urls);
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        Assert.NotEqual(LedgerServerOptions.DefaultUrl, url);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        using var response = await client.GetAsync("healthz", Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await app.StopAsync(Cancel);
    }

    [Fact]
    public async Task Serve_UrlsGivenAndAppSettings_UrlsWin()
    {
        var ledger = await LedgerAsync("""{ "Kestrel": { "Endpoints": { "Main": { "Url": "http://127.0.0.1:1" } } } }""");
        await using var app = await LedgerServer.BuildAsync(new LedgerServerOptions { Ledger = ledger, Urls = ["http://127.0.0.1:0"] }, Cancel);
        await app.StartAsync(Cancel);

        Assert.DoesNotContain(":1/", Assert.Single(app.Urls) + "/", StringComparison.Ordinal);
        await app.StopAsync(Cancel);
    }

    [Fact]
    public async Task Serve_HttpsFromAppSettingsWithoutCertificate_RefusedNamingWhereItCameFrom()
    {
        var ledger = await LedgerAsync("""{ "Urls": "https://127.0.0.1:0" }""");
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => LedgerServer.BuildAsync(new LedgerServerOptions { Ledger = ledger }, Cancel));
        Assert.Equal("an https:// address (from appsettings.json Urls) needs a certificate: --certificate and --certificate-key (PEM files)", refused.Message);

        // Nothing kept the folder: a server starts on it.
        await using var app = await LedgerServer.BuildAsync(new LedgerServerOptions { Ledger = ledger, Urls = ["http://127.0.0.1:0"] }, Cancel);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
