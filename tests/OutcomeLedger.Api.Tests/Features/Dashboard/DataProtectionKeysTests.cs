using System.Net;
using OutcomeLedger.Core.Access;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// Issue 15, Deliver 4: the keys that protect sign-in cookies live in the ledger folder (owner-only), so a backup
/// carries them and a restarted server honours the sessions already open.
/// </summary>
public sealed class DataProtectionKeysTests
{
    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_KeysKeptInTheLedgerFolder_SessionSurvivesARestart()
    {
        await using var server = new TestServer { Private = true };
        await server.InitializeAsync();
        var cookies = new CookieContainer();
        using (var browser = Browser(server.BaseAddress, cookies))
        {
            var page = await browser.GetStringAsync("submit", Cancel);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = DemoDashboard.AntiforgeryToken(page),
                ["token"] = server.Tokens[AccessRole.Verifier],
            });
            using var signedIn = await browser.PostAsync("sign-in", form, Cancel);
            Assert.True(signedIn.IsSuccessStatusCode || signedIn.StatusCode == HttpStatusCode.SeeOther, $"sign-in gave {signedIn.StatusCode}");
        }

        var keys = Path.Combine(server.Folder, "data-protection");
        Assert.NotEmpty(Directory.EnumerateFiles(keys, "key-*.xml"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        }

        await server.StopServerAsync();
        await using var restarted = await LedgerServer.BuildAsync(new LedgerServerOptions { Ledger = server.Folder, Time = server.Clock, Urls = ["http://127.0.0.1:0"], Private = true }, Cancel);
        await restarted.StartAsync(Cancel);
        var address = new Uri(restarted.Urls.Single());
        // The cookie was set for the first server's port: carry it to the new one as the browser would for the same host.
        foreach (Cookie cookie in cookies.GetCookies(server.BaseAddress))
        {
            cookies.Add(address, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        using var again = Browser(address, cookies);
        using var log = await again.GetAsync("log", Cancel);
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        await restarted.StopAsync(Cancel);
    }

    static HttpClient Browser(Uri address, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
}
