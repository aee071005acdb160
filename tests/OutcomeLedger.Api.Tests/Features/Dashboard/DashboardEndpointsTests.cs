using System.Net;
using Microsoft.Playwright;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// The dashboard in a real browser: Playwright driving Debian's Chromium (never a downloaded one). Screenshots go to
/// the test output folder's <c>screenshots/</c>.
/// </summary>
public sealed class DashboardEndpointsTests(TestServer server) : IClassFixture<TestServer>
{
    const string Chromium = "/usr/bin/chromium";

    static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} is not installed (apt-get install chromium); CI installs it");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        return (playwright, browser);
    }

    [Fact]
    public async Task Dashboard_FollowACommitmentAndVerifyItsEntry_SaysWhatWasChecked()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { BaseURL = server.BaseAddress.ToString() });

        await page.GotoAsync("/?lang=en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Agreements");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "1-agreements.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Significantly reduce the flow of fentanyl" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Significantly reduce the flow of fentanyl");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "2-commitment.png"), FullPage = true });

        // The commitment links to its entry on the log page, where the browser checks the inclusion proof.
        await page.Locator("main a[href^='/log?entry=']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        var result = page.Locator("#verify-result");
        await Assertions.Expect(result).ToHaveClassAsync("ok");
        await Assertions.Expect(result).ToContainTextAsync("Verified: entry 6");
        await Assertions.Expect(result).ToContainTextAsync("Not checked here: the checkpoint's signatures");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "3-verified.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Español" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Registro");
    }

    [Fact]
    public async Task Dashboard_SubmitAsAnotherParty_ShowsTheRefusal()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { BaseURL = server.BaseAddress.ToString() });
        var statement = new StatementRecord
        {
            Author = TestServer.MxId,
            RecordedAt = TestServer.At,
            Id = new("mx-press-release"),
            Date = new DateOnly(2026, 1, 20),
            Title = "A statement by Mexico",
            Parties = [TestServer.MxId],
            StatementKind = StatementKind.PressRelease,
            SourceUrl = "https://example.org/mx",
        };

        await page.GotoAsync("/submit?lang=en");
        await page.GetByLabel("API token").FillAsync(server.Tokens[AccessRole.Party]);
        await page.GetByLabel("Signed entry (JSON)").FillAsync(System.Text.Encoding.UTF8.GetString(EntryCodec.Sign(statement, server.Mx)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        var result = page.Locator("#submit-result");
        await Assertions.Expect(result).ToHaveClassAsync("fail");
        await Assertions.Expect(result).ToContainTextAsync("403");
        await Assertions.Expect(result).ToContainTextAsync("a party writes only as itself");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "4-refused.png"), FullPage = true });
    }

    [Theory]
    [InlineData("/?lang=es", "Acuerdos")]
    [InlineData("/log?lang=es", "Registro")]
    [InlineData("/commitments/reduce-fentanyl-flow", "Significantly reduce the flow of fentanyl")]
    public async Task Pages_ServerRendered_InTheAskedLanguage(string path, string heading)
    {
        var html = await server.Client.GetStringAsync(path, TestContext.Current.CancellationToken);
        Assert.Contains("<h1>" + heading + "</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_SpanishBrowser_GetsSpanishByDefault()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("es-MX,es;q=0.9");
        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"es\">", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commitment_Unknown_NotFoundProblem()
    {
        using var response = await server.Client.GetAsync("/commitments/nothing", TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
