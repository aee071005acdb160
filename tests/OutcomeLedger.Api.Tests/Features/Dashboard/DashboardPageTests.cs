using System.Net;
using System.Text.RegularExpressions;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>Every page over HTTP: status, content, language, security headers, and nothing loaded from elsewhere.</summary>
[Collection(DemoDashboardCollection.Name)]
public sealed partial class DashboardPageTests(DemoDashboard demo)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/?lang=en", "<h1>Agreements</h1>" },
        { "/?lang=es", "<h1>Acuerdos</h1>" },
        { "/commitments/" + DemoDashboard.FentanylCommitment + "?lang=en", "<h1>" + DemoDashboard.FentanylCommitmentText + "</h1>" },
        { "/indicators/" + DemoDashboard.Seizures.Value + "?lang=en", "<h2 id=\"measurements\">Measurements</h2>" },
        { "/log?lang=en", "<h1>Log</h1>" },
        { "/log?lang=es&entry=3", "<h1>Registro</h1>" },
        { "/submit?lang=en", "<h1>Submit</h1>" },
        { "/submit?lang=es", "<h1>Enviar</h1>" },
        { "/search?q=fentanyl&lang=en", "<h1>Search</h1>" },
        { "/search?q=fentanilo&lang=es", "<h1>Buscar</h1>" },
        { "/commitments/" + DemoDashboard.FentanylCommitment + "?lang=en&window=full", "<h1>" + DemoDashboard.FentanylCommitmentText + "</h1>" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Get_RenderedWithSecurityHeadersAndNoExternalRequests(string path, string expected)
    {
        using var client = demo.NewClient();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Matches("^<!doctype html><html lang=\"(en|es)\">", html);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        AssertNoExternalRequests(html, csp);
    }

    /// <summary>
    /// Nothing the page loads comes from another origin: its only loads are the dashboard's own files under /assets/ (a
    /// stylesheet and maybe a script), no CSS url() or import, no inline style or script at all, and a CSP that allows
    /// nothing inline. Links to sources elsewhere are plain links, not loads.
    /// </summary>
    static void AssertNoExternalRequests(string html, string csp)
    {
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        foreach (Match load in SrcPattern().Matches(html))
        {
            Assert.StartsWith("/assets/", load.Groups[1].Value, StringComparison.Ordinal);
        }

        foreach (Match link in LinkPattern().Matches(html))
        {
            Assert.Matches("^<link rel=\"stylesheet\" href=\"/assets/[^\"]+\" />$", link.Value);
        }

        Assert.Single(StylesheetPattern().Matches(html));
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        foreach (Match action in ActionPattern().Matches(html))
        {
            Assert.StartsWith("/", action.Groups[1].Value, StringComparison.Ordinal);
        }

        foreach (Match link in ExternalLinkPattern().Matches(html))
        {
            Assert.Contains("rel=\"noreferrer", link.Value, StringComparison.Ordinal);
        }

        foreach (Match script in ScriptPattern().Matches(html))
        {
            Assert.Matches("^<script src=\"/assets/[^\"]+\"></script>$", script.Value);
        }
    }

    [Fact]
    public async Task Assets_LinkedFromThePages_ServedWithTheirTypeAndCachedByVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = demo.NewClient();
        var log = await client.GetStringAsync("/log?lang=en", ct);
        var stylesheet = WebUtility.HtmlDecode(StylesheetPattern().Match(log).Groups[1].Value);
        var script = WebUtility.HtmlDecode(ScriptSrcPattern().Match(log).Groups[1].Value);
        Assert.StartsWith("/assets/dashboard.css?v=", stylesheet, StringComparison.Ordinal);
        Assert.StartsWith("/assets/proof-check.js?v=", script, StringComparison.Ordinal);

        foreach (var (url, type, content) in new[] { (stylesheet, "text/css", "svg.chart{"), (script, "text/javascript", "crypto.subtle.digest('SHA-256'") })
        {
            using var response = await client.GetAsync(url, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var cache = response.Headers.CacheControl!;
            Assert.True(cache.Public);
            Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
            Assert.Contains(cache.Extensions, e => e.Name == "immutable");
            Assert.Contains(content, await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

            // Without the current version the file is still served, but revalidated with its ETag.
            using var unversioned = await client.GetAsync(url[..url.IndexOf('?', StringComparison.Ordinal)], ct);
            Assert.Equal(HttpStatusCode.OK, unversioned.StatusCode);
            Assert.True(unversioned.Headers.CacheControl?.NoCache);
            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            using var notModified = await client.SendAsync(conditional, ct);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }

        using var missing = await client.GetAsync("/assets/nothing.js", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Language_SpanishBrowser_SpanishByDefault()
    {
        using var client = demo.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/log");
        request.Headers.AcceptLanguage.ParseAdd("fr-FR,es-MX;q=0.9,en;q=0.5");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("<!doctype html><html lang=\"es\">", html, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\" href=\"/log?lang=en\">English</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_SwitchedOnce_RememberedOnLaterPages()
    {
        using var client = demo.NewClient();
        await client.GetStringAsync("/log?lang=es", TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Contains("<h1>Acuerdos</h1>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commitment_Page_StatementsOnTheChartsTimeAxisWithAccessibleChartsAndTables()
    {
        using var client = demo.NewClient();
        var html = await client.GetStringAsync("/commitments/" + DemoDashboard.FentanylCommitment + "?lang=en", TestContext.Current.CancellationToken);

        Assert.Contains("<svg class=\"chart timeline\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-label=\"Chart of values by period: Fentanyl seized at the southwest land border", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"legend\"", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Fentanyl seized at the southwest land border", html, StringComparison.Ordinal);
        // The evidence-carrying measurement is drawn and tabled, and links to its entry's proof.
        Assert.Contains("<a href=\"/log?entry=" + demo.UsMeasurement + "#verify\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/indicators/" + DemoDashboard.Seizures.Value + "\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicator_Page_MeasurementsWithStatusSourceAndEvidenceDownload()
    {
        using var client = demo.NewClient();
        var html = await client.GetStringAsync("/indicators/" + DemoDashboard.Seizures.Value + "?lang=en", TestContext.Current.CancellationToken);

        Assert.Contains("<a href=\"/evidence/" + demo.EvidenceSha256 + "\" download", html, StringComparison.Ordinal);
        Assert.Contains("512.25 lb", html, StringComparison.Ordinal);
        Assert.Contains("self-reported", html, StringComparison.Ordinal);
        Assert.Contains("april.pdf", html, StringComparison.Ordinal);
    }

    // A ledger of a million entries held an indicator of 200,000 values, and its page was 146 MB of HTML built in 28 s:
    // the table now shows one page (the API's 100 by default), with links to the newer and older ones.
    [Fact]
    public async Task Indicator_Page_ShowsOnePageOfValuesWithLinksToTheOthers()
    {
        using var client = demo.NewClient();
        var path = "/indicators/" + DemoDashboard.Seizures.Value;
        var all = await client.GetStringAsync(path + "?lang=en", TestContext.Current.CancellationToken);
        var total = int.Parse(TotalPattern().Match(all).Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(total, 41, Core.Sessions.Paging.DefaultLimit);
        Assert.Equal(total, Rows(all));
        Assert.DoesNotContain("class=\"small pager\"", all, StringComparison.Ordinal);

        var first = await client.GetStringAsync(path + "?lang=en&limit=20", TestContext.Current.CancellationToken);
        Assert.Equal(20, Rows(first));
        Assert.Contains($"Showing 1–20 of {total}.", first, StringComparison.Ordinal);
        Assert.Contains($"<a rel=\"next\" href=\"{path}?lang=en&amp;offset=20&amp;limit=20#measurements\">Older values →</a>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        // Newest first: the page holds the 2026-09 correction, the newest month.
        Assert.Contains("the same figure again", first, StringComparison.Ordinal);

        var last = await client.GetStringAsync(path + $"?lang=es&offset={total - 5}&limit=20", TestContext.Current.CancellationToken);
        Assert.Equal(5, Rows(last));
        Assert.Contains($"Se muestran {total - 4}–{total} de {total}.", last, StringComparison.Ordinal);
        Assert.Contains($"<a rel=\"prev\" href=\"{path}?lang=es&amp;offset={total - 25}&amp;limit=20#measurements\">← Valores más recientes</a>", last, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        Assert.DoesNotContain("the same figure again", last, StringComparison.Ordinal);

        // Past the end: no rows, a link back to the first page; a limit out of range or not a number is brought within range.
        var beyond = await client.GetStringAsync(path + "?lang=en&offset=99999", TestContext.Current.CancellationToken);
        Assert.Equal(0, Rows(beyond));
        Assert.Contains($"<a href=\"{path}?lang=en#measurements\">← Newer values</a>", beyond, StringComparison.Ordinal);
        Assert.Equal(1, Rows(await client.GetStringAsync(path + "?lang=en&limit=0", TestContext.Current.CancellationToken)));
        Assert.Equal(total, Rows(await client.GetStringAsync(path + "?lang=en&limit=99999&offset=-3", TestContext.Current.CancellationToken)));
        Assert.Equal(total, Rows(await client.GetStringAsync(path + "?lang=en&limit=abc", TestContext.Current.CancellationToken)));
    }

    /// <summary>The rows of the measurements table (each row's first cell is its period).</summary>
    static int Rows(string html)
    {
        var start = html.IndexOf("<h2 id=\"measurements\">", StringComparison.Ordinal);
        return start < 0 ? 0 : RowPattern().Count(html[start..]);
    }

    [GeneratedRegex("Every logged measurement \\(([0-9,]+)\\)")]
    private static partial Regex TotalPattern();

    [GeneratedRegex("<tr><td>")]
    private static partial Regex RowPattern();

    // Issue 12, Why 1 and Deliver 2: a correction inherits the dispute, and the page shows both figures and the value's history.
    [Fact]
    public async Task Indicator_Page_CorrectionOfADisputedValueKeepsTheDisputeAndShowsTheHistory()
    {
        using var client = demo.NewClient();
        var html = await client.GetStringAsync("/indicators/" + DemoDashboard.Seizures.Value + "?lang=en", TestContext.Current.CancellationToken);

        Assert.Contains("disputed (mx): <strong>390</strong> — dispute #" + demo.Dispute + " carried over from the corrected value", html, StringComparison.Ordinal);
        Assert.Contains("<summary>History of the value</summary>", html, StringComparison.Ordinal);
        Assert.Matches(new Regex("<li>reported \\(us\\): 430.*</li>\\s*<li>disputed \\(mx\\): 390 — our count of the same month.*</li>\\s*<li>corrected \\(us\\): 430 — the same figure again"), html);
    }

    [Fact]
    public async Task Indicator_SignedInCounterparty_OffersToAttestEachValueButNotToTheReporter()
    {
        using var mx = await demo.SignedInAsync(demo.MxToken);
        using var us = await demo.SignedInAsync(demo.UsToken);
        var link = "<a class=\"noprint\" href=\"/submit?measurement=" + demo.UsMeasurement + "#attestation-form\">attest</a>";

        Assert.Contains(link, await mx.GetStringAsync("/indicators/" + DemoDashboard.Seizures.Value + "?lang=en", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await us.GetStringAsync("/indicators/" + DemoDashboard.Seizures.Value + "?lang=en", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var form = await mx.GetStringAsync("/submit?lang=en&measurement=" + demo.UsMeasurement, TestContext.Current.CancellationToken);
        Assert.Contains("id=\"attestation-measurement\" name=\"measurement\" type=\"number\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"" + demo.UsMeasurement + "\" />", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_Page_CheckpointAndVerifyForm()
    {
        using var client = demo.NewClient();
        var html = await client.GetStringAsync("/log?lang=en&entry=5", TestContext.Current.CancellationToken);
        var note = await client.GetStringAsync("/checkpoint", TestContext.Current.CancellationToken);

        Assert.Contains(OutcomeLedger.Core.Scorecards.HtmlEncoding.Encode(note), html, StringComparison.Ordinal);
        Assert.Contains("No witness has cosigned this checkpoint yet.", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"entry-index\" name=\"entry\" type=\"number\" min=\"0\" required value=\"5\" />", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/assets/proof-check.js\\?v=[0-9a-f]+\"></script>\\s*</body></html>$", html);
    }

    [Theory]
    [InlineData("/commitments/nothing")]
    [InlineData("/indicators/nothing")]
    public async Task Page_Unknown_NotFoundPageSaysWhat(string path)
    {
        using var client = demo.NewClient();
        using var response = await client.GetAsync(path + "?lang=en", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("&#x27;nothing&#x27; is not in the log.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_LeavesThePagesOut()
    {
        using var client = demo.NewClient();
        var document = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("\"/commitments/{id}\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/submit", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/evidence/", document, StringComparison.Ordinal);
    }

    [GeneratedRegex("action=\"([^\"]*)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<a [^>]*href=\"https?://[^>]*>")]
    private static partial Regex ExternalLinkPattern();

    [GeneratedRegex("\\ssrc=\"([^\"]*)\"")]
    private static partial Regex SrcPattern();

    [GeneratedRegex("<link\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<script src=\"([^\"]+)\"></script>")]
    private static partial Regex ScriptSrcPattern();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\" />")]
    private static partial Regex StylesheetPattern();

    [GeneratedRegex("<script\\b[^>]*>.*?</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptPattern();
}
