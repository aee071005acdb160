using System.Net;
using System.Xml.Linq;
using OutcomeLedger.Core.Search;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// The home page's sense of the evidence (sparklines, the latest statement quoted), the search across statements,
/// commitments and indicators, the charts' window toggle and downloads, and the submit page's token how-to.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class DashboardHomeTests(DemoDashboard demo)
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Home_EachCommitment_HasSparklinesAndItsLatestStatementQuoted(string lang)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = demo.NewClient();
        var text = TextCatalogue.For(lang == "es" ? ScorecardLanguage.Spanish : ScorecardLanguage.English);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/?lang={lang}", ct));
        var (commitments, indicators, latest) = await demo.Ledger.ReadAsync(state =>
        {
            var statements = state.Statements.Values.ToDictionary(s => s.Record.Id, s => s.Record);
            var fentanyl = state.Commitments.Values.Single(c => c.Record.Id.Value == DemoDashboard.FentanylCommitment).Record;
            return (state.Commitments.Count, state.Indicators.Count, fentanyl.Statements.Select(s => statements[s]).OrderByDescending(s => s.Date).First());
        }, ct);

        // One sparkline per indicator with values (an indicator with none has nothing to draw).
        Assert.InRange(CountOf(html, "<svg class=\"spark\""), commitments, indicators);
        Assert.Equal(commitments, CountOf(html, $"{text.Chart.LatestStatement}:"));
        Assert.Contains(latest.Quotes.Count > 0 ? $"<q lang=\"{latest.Quotes[0].Lang}\">{latest.Quotes[0].Text}</q>" : latest.Title, html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"search\" method=\"get\" action=\"/search\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsStatementsCommitmentsAndIndicators_IgnoringCaseAndAccents()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = demo.NewClient();

        var commitment = await client.GetStringAsync("/search?q=FENTANYL+trafficking&lang=en", ct);
        var indicator = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString(DemoDashboard.Seizures.Value) + "&lang=en", ct);

        Assert.Contains($"<a href=\"/commitments/{DemoDashboard.FentanylCommitment}\">", commitment, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/indicators/{DemoDashboard.Seizures.Value}\">", indicator, StringComparison.Ordinal);
        var statement = await demo.Ledger.ReadAsync(state => state.Statements.Values.First().Record, ct);
        var word = statement.Title.Split(' ').OrderByDescending(w => w.Length).First();
        var found = WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=" + Uri.EscapeDataString(word.ToUpperInvariant()) + "&lang=en", ct));
        Assert.Contains(statement.Title, found, StringComparison.Ordinal);
        var none = await client.GetStringAsync("/search?q=qqqzzz&lang=en", ct);
        Assert.Contains(TextCatalogue.English.Chart.NoResults, none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TooLong_IsRefusedWithOneLine()
    {
        using var client = demo.NewClient();
        using var response = await client.GetAsync("/search?lang=en&q=" + new string('a', LedgerSearch.MaxLength + 1), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p class=\"error\" role=\"alert\">The search is too long: at most 200 characters.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charts_DownloadAsSvgAndCsv()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = demo.NewClient();
        var page = await client.GetStringAsync($"/indicators/{DemoDashboard.Seizures.Value}?lang=es", ct);
        Assert.Contains($"href=\"/charts/{DemoDashboard.Seizures.Value}.svg?series=0&amp;lang=es\" download", page, StringComparison.Ordinal);

        using var svg = await client.GetAsync($"/charts/{DemoDashboard.Seizures.Value}.svg?series=0&lang=es", ct);
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{DemoDashboard.Seizures.Value}.svg", svg.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var root = XDocument.Parse(await svg.Content.ReadAsStringAsync(ct)).Root!;
        Assert.Equal("http://www.w3.org/2000/svg", root.Name.NamespaceName);

        using var csv = await client.GetAsync($"/charts/{DemoDashboard.Seizures.Value}.csv?series=0&lang=en&window=full", ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Period,Period start,", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 12);

        using var missing = await client.GetAsync($"/charts/{DemoDashboard.Seizures.Value}.csv?series=99", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var bad = await client.GetAsync($"/charts/{DemoDashboard.Seizures.Value}.csv?series=-1", ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Commitment_ChartsShowTheAssessmentWindow_FullHistoryOnDemand()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = demo.NewClient();
        var window = await client.GetStringAsync($"/commitments/{DemoDashboard.FentanylCommitment}?lang=en", ct);
        var full = await client.GetStringAsync($"/commitments/{DemoDashboard.FentanylCommitment}?lang=en&window=full", ct);

        Assert.Contains($"<a href=\"/commitments/{DemoDashboard.FentanylCommitment}?window=full&amp;lang=en\">Full history</a>", window, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/commitments/{DemoDashboard.FentanylCommitment}?lang=en\">Assessment window only</a>", full, StringComparison.Ordinal);
        Assert.NotEqual(CountOf(window, "<g class=\"v "), CountOf(full, "<g class=\"v "));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Submit_SignedOut_ExplainsHowToGetAndUseAToken(string lang)
    {
        using var client = demo.NewClient();
        var html = await client.GetStringAsync($"/submit?lang={lang}", TestContext.Current.CancellationToken);
        var text = TextCatalogue.For(lang == "es" ? ScorecardLanguage.Spanish : ScorecardLanguage.English);

        Assert.Contains($"<h2 id=\"token-howto\">{text.Chart.TokenHowTo}</h2>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<code lang=\"en\">outcomes token create --party &lt;party&gt; --role party|verifier</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code lang=\"en\">Authorization: Bearer &lt;token&gt;</code>", html, StringComparison.Ordinal);
    }

    static int CountOf(string html, string what)
    {
        var count = 0;
        for (var at = html.IndexOf(what, StringComparison.Ordinal); at >= 0; at = html.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
