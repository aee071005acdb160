using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Tests.Text;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// A value's revisions (issue 13, Deliver 7): the session's <see cref="LedgerSession.ValueRevisionsAsync"/> in log
/// order with its flags, the indicator page's link from each revised value, the revisions page with its chart and
/// downloads, in Spanish without English, and its refusals.
/// </summary>
public sealed class RevisionsPageTests : IAsyncLifetime
{
    readonly TestServer _server = new();

    ulong _first;
    ulong _second;
    ulong _third;

    public async ValueTask InitializeAsync()
    {
        await _server.InitializeAsync();
        _first = _server.UsMeasurement;

        // 2026-01 revised twice: a provisional figure from a later release, then the final one; 2026-02 never revised.
        _second = await LogAsync(TestServer.Measurement("2026-01", 830m) with
        {
            Supersedes = _first,
            Provisional = true,
            Note = "revised count",
            Source = new MeasurementSource("CBP nationwide drug seizures", Release: new DateOnly(2026, 8, 14)),
        });
        _third = await LogAsync(TestServer.Measurement("2026-01", 825.75m) with { Supersedes = _second, Note = "final figures" });
        await LogAsync(TestServer.Measurement("2026-02", 700m));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    LedgerSession Session => _server.Services.GetRequiredService<ServedLedger>().Session;

    static string IndicatorPath => "/indicators/" + TestServer.Seizures.Value;

    async Task<ulong> LogAsync(MeasurementRecord record)
    {
        using var response = await _server.PostAsync("api/v1/measurements", EntryCodec.Sign(record, _server.Us), _server.Tokens[AccessRole.Party]);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("index").GetUInt64();
    }

    [Fact]
    public async Task Session_RevisionsInLogOrderWithTheirFlagsAndReasons()
    {
        var revisions = await Session.ValueRevisionsAsync(new ValueRevisionsRequest(TestServer.Seizures, Period.Parse("2026-01")), Cancel);

        Assert.Equal([_first, _second, _third], revisions.Revisions.Select(r => r.Entry));
        Assert.Equal([812.5m, 830m, 825.75m], revisions.Revisions.Select(r => r.Figure));
        Assert.Equal([false, true, false], revisions.Revisions.Select(r => r.Provisional));
        Assert.Equal([false, false, true], revisions.Revisions.Select(r => r.Current));
        Assert.Equal([null, _first, _second], revisions.Revisions.Select(r => r.Supersedes));
        Assert.Equal([null, "revised count", "final figures"], revisions.Revisions.Select(r => r.Reason));
        Assert.Equal([null, new DateOnly(2026, 8, 14), null], revisions.Revisions.Select(r => r.Release));
        Assert.All(revisions.Revisions, r => Assert.Equal(TestServer.UsId, r.Reporter));
        Assert.Equal("lb", revisions.Unit);

        var once = await Session.ValueRevisionsAsync(new ValueRevisionsRequest(TestServer.Seizures, Period.Parse("2026-02")), Cancel);
        Assert.True(Assert.Single(once.Revisions).Current);
    }

    [Theory]
    [InlineData("nope", "2026-01", "", LedgerError.NotFound, "indicator 'nope' does not exist (see 'outcomes indicator list')")]
    [InlineData("sw-border-fentanyl-seizures", "2026-Q1", "", LedgerError.Invalid, "period: indicator 'sw-border-fentanyl-seizures' is measured by month, not by quarter ('2026-Q1')")]
    [InlineData("sw-border-fentanyl-seizures", "2026-01", "port=nogales", LedgerError.Invalid, "dimensions.port: indicator 'sw-border-fentanyl-seizures' has no dimension 'port'")]
    [InlineData("sw-border-fentanyl-seizures", "2031-01", "", LedgerError.NotFound, "period: no value of 'sw-border-fentanyl-seizures' for 2031-01 is logged (see 'outcomes measure list --indicator sw-border-fentanyl-seizures')")]
    public async Task Session_BadRequest_OneLineNamingTheField(string indicator, string period, string dim, LedgerError error, string expected)
    {
        var dimensions = dim.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { [dim.Split('=')[0]] = dim.Split('=')[1] };

        var refused = await Assert.ThrowsAsync<LedgerRequestException>(() =>
            Session.ValueRevisionsAsync(new ValueRevisionsRequest(new IndicatorId(indicator), Period.Parse(period)) { Dimensions = dimensions }, Cancel));

        Assert.Equal(error, refused.Error);
        Assert.Equal(expected, refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public async Task IndicatorPage_LinksEachRevisedValueToItsRevisions()
    {
        var html = await _server.Client.GetStringAsync(IndicatorPath + "?lang=en", Cancel);

        // The three figures of 2026-01 link to the one revisions page; 2026-02, never revised, has no link.
        var link = $"href=\"{IndicatorPath}/revisions?period=2026-01&amp;lang=en\">3 revisions</a>";
        Assert.Equal(3, html.Split(link).Length - 1);
        Assert.DoesNotContain("revisions?period=2026-02", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevisionsPage_ChartTableAndDownloadsUnderTheStrictCsp()
    {
        using var response = await _server.Client.GetAsync(IndicatorPath + "/revisions?period=2026-01&lang=en", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Revisions of Fentanyl seized at the southwest border, Jan 2026</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart revisions\"", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<g class=\"v revision ").Length - 1);
        Assert.Contains(">provisional</text>", html, StringComparison.Ordinal);
        Assert.Contains("From the first figure to the current one: +13.25 lb (+1.6%).", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("revised count", html, StringComparison.Ordinal);
        Assert.Contains("14 Aug 2026", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        var svgLink = $"/charts/{TestServer.Seizures.Value}/revisions.svg?period=2026-01&lang=en";
        Assert.Contains($"href=\"{svgLink.Replace("&", "&amp;", StringComparison.Ordinal)}\" download", html, StringComparison.Ordinal);
        using var svg = await _server.Client.GetAsync(svgLink, Cancel);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"sw-border-fentanyl-seizures-2026-01-revisions.svg\"", svg.Content.Headers.ContentDisposition?.ToString());
        Assert.StartsWith("<?xml", await svg.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var csv = await _server.Client.GetAsync($"/charts/{TestServer.Seizures.Value}/revisions.csv?period=2026-01&lang=en", Cancel);
        var lines = (await csv.Content.ReadAsStringAsync(Cancel)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("3,2026-01,825.75,lb,us,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevisionsPage_Spanish_HasNoEnglish()
    {
        var data = await _server.Services.GetRequiredService<ServedLedger>().ReadAsync(state => EnglishLeaks.Data(state).ToList(), Cancel);
        foreach (var path in new[] { IndicatorPath + "?lang=es", IndicatorPath + "/revisions?period=2026-01&lang=es", IndicatorPath + "/revisions?period=2026-13&lang=es", IndicatorPath + "/revisions?period=2031-01&lang=es", IndicatorPath + "/revisions?period=2026-01&dim=port%3Dnogales&lang=es" })
        {
            var html = await (await _server.Client.GetAsync(path, Cancel)).Content.ReadAsStringAsync(Cancel);

            Assert.StartsWith("<!doctype html><html lang=\"es\">", html, StringComparison.Ordinal);
            var found = EnglishLeaks.InHtml(html, data);
            Assert.True(found.Count == 0, $"{path}: {string.Join("; ", found)}");
        }

        var csv = await _server.Client.GetStringAsync($"/charts/{TestServer.Seizures.Value}/revisions.csv?period=2026-01&lang=es", Cancel);
        Assert.StartsWith("Revisión,Periodo,Valor,", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?period=2026-13", HttpStatusCode.BadRequest, "'2026-13' is not a period of Fentanyl seized at the southwest border")]
    [InlineData("?period=2026-Q1", HttpStatusCode.BadRequest, "'2026-Q1' is not a period of Fentanyl seized at the southwest border")]
    [InlineData("", HttpStatusCode.BadRequest, "'' is not a period of")]
    [InlineData("?period=2026-01&dim=port%3Dnogales", HttpStatusCode.BadRequest, "'port=nogales' is not a dimension value of Fentanyl seized at the southwest border.")]
    [InlineData("?period=2031-01", HttpStatusCode.NotFound, "No value of Fentanyl seized at the southwest border for Jan 2031 is in the log.")]
    public async Task RevisionsPage_BadRequest_SaysWhatIsWrong(string query, HttpStatusCode status, string expected)
    {
        foreach (var path in new[] { IndicatorPath + "/revisions" + query, $"/charts/{TestServer.Seizures.Value}/revisions.svg" + query })
        {
            using var response = await _server.Client.GetAsync(path, Cancel);
            var html = await response.Content.ReadAsStringAsync(Cancel);

            Assert.Equal(status, response.StatusCode);
            Assert.Contains(expected, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// In Debian's Chromium, on a desktop and a phone: the chart is drawn with one mark per revision, the table beside
    /// it, and the page never scrolls sideways (the chart's own box does). Screenshots go to the test output folder's
    /// <c>screenshots/</c>.
    /// </summary>
    [Theory]
    [InlineData(1024, "en")]
    [InlineData(375, "es")]
    public async Task RevisionsPage_InABrowser_DrawsEveryRevisionAndFitsTheScreen(int width, string lang)
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Assert.Skip($"{chromium} is not installed (apt-get install chromium); CI installs it");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { BaseURL = _server.BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = 900 } });

        await page.GotoAsync($"{IndicatorPath}/revisions?period=2026-01&lang={lang}");
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"revisions-{width}-{lang}.png"), FullPage = true });

        Assert.True(await page.Locator("svg.chart.revisions").IsVisibleAsync());
        Assert.Equal(3, await page.Locator("svg.chart.revisions g.revision").CountAsync());
        Assert.Equal(3, await page.Locator("table.revisions tbody tr").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
    }
}
