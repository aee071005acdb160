using System.Net;
using System.Text.RegularExpressions;
using OutcomeLedger.Api.Tests.Features.Dashboard;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Tests.Features.Diff;

/// <summary>
/// <c>GET /api/v1/diff</c> and the dashboard's "since the last meeting" (<c>/since</c>) on the demo: the same use case as
/// <c>outcomes diff</c>, the JSON its JSON, the page its words in the reader's language; bad checkpoints are 400s.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed partial class DiffEndpointsTests(DemoDashboard demo)
{
    [Fact]
    public async Task Get_From24_TheSessionsDiffAsJson()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = demo.NewClient();

        var json = await client.GetStringAsync("/api/v1/diff?from=24", ct);

        var expected = await demo.Ledger.Session.DiffAsync(new Core.Sessions.DiffRequest { From = "24" }, ct);
        Assert.Equal(LedgerDiffJson.Serialize(expected), json);
        var diff = LedgerDiffJson.Deserialize(json)!;
        Assert.Equal(24ul, diff.From.Size);
        Assert.Contains(diff.Changes, c => c.Kind == DiffChangeKind.ValueAdded);
    }

    [Theory]
    [InlineData("/api/v1/diff", "from")]
    [InlineData("/api/v1/diff?from=2000-01-01", "from")]
    [InlineData("/api/v1/diff?from=24&to=999999", "to")]
    [InlineData("/api/v1/diff?from=24&lang=fr", "lang")]
    public async Task Get_BadRequest_ProblemNamingTheField(string path, string field)
    {
        using var client = demo.NewClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task SincePage_RatingsAndEntriesInTheReadersWords(string lang)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = demo.NewClient();
        var t = lang == "es" ? TextCatalogue.Spanish : TextCatalogue.English;
        var diff = await demo.Ledger.Session.DiffAsync(new Core.Sessions.DiffRequest { From = "24" }, ct);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/since?from=24&lang={lang}", ct));

        Assert.Contains($"<h1>{t.Diff.PageTitle}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(LedgerDiffText.Consistent(diff, t), html, StringComparison.Ordinal);
        Assert.Contains(t.Diff.RatingsHeading, html, StringComparison.Ordinal);
        // Every entry in between that the page names links to its proof on the log page.
        Assert.Equal(diff.Changes.Select(c => c.Entry), EntryLink().Matches(html).Select(m => ulong.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(diff.Changes.Select(c => c.Kind).Distinct(), k => Assert.Contains(LedgerDiffText.Kind(k, t), html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SincePage_DateBeforeTheLog_400SaysSoInTheReadersWords()
    {
        using var client = demo.NewClient();

        using var response = await client.GetAsync("/since?from=2000-01-01&lang=es", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(TextCatalogue.Fill(TextCatalogue.Spanish.Diff.NoSuchCheckpoint, ("value", "2000-01-01")), html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a href=\"/log\\?entry=(\\d+)#verify\"")]
    private static partial Regex EntryLink();
}
