using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using OutcomeLedger.Api.Features.Dashboard;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Tests.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// A commitment whose indicator has more series than a reader can use as charts (200 ports made a page of 393 MB):
/// the commitment page charts the ones that matter and lists every series in one table, a page at a time.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed partial class ManySeriesPageTests(DemoDashboard demo)
{
    static string Port(int k) => "P" + k.ToString("000", CultureInfo.InvariantCulture);

    /// <summary>The demo's seizures commitment with its seizures indicator split into <paramref name="ports"/> series, each next one larger.</summary>
    async Task<(Scorecard Scorecard, ScorecardCommitment Commitment)> ManySeriesAsync(int ports)
    {
        var (scorecard, commitment) = (await CommitmentPage.FindAsync(demo.Ledger, new CommitmentId(DemoDashboard.FentanylCommitment), TestContext.Current.CancellationToken))!.Value;
        var indicator = commitment.Indicators.Single(i => i.Id == DemoDashboard.Seizures.Value);
        var template = indicator.Series[0];
        var series = Enumerable.Range(1, ports).Select(k => template with
        {
            Dimensions = new Dictionary<string, string> { ["port"] = Port(k) },
            Points = [.. template.Points.Select(p => p with { Stands = k, Reported = k, OpenDisputes = null, Attestations = [] })],
            Disputed = 0,
        }).ToList();
        var many = commitment with { Indicators = [.. commitment.Indicators.Select(i => i.Id == indicator.Id ? i with { Series = series, DataNotes = null } : i)] };
        return (scorecard with { Commitments = [many] }, many);
    }

    async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        await DashboardRenderer.RenderAsync<TComponent>(new DefaultHttpContext { RequestServices = demo.Services }, parameters);

    [Fact]
    public async Task CommitmentPage_FortySeries_TwelveChartsAndTheFirstPageOfOneTable()
    {
        var (scorecard, commitment) = await ManySeriesAsync(40);

        var html = await RenderAsync<CommitmentBody>(new()
        {
            [nameof(CommitmentBody.Scorecard)] = scorecard,
            [nameof(CommitmentBody.Commitment)] = commitment,
            [nameof(CommitmentBody.Text)] = TextCatalogue.English,
        });

        Assert.Equal(SeriesSelection.MostCharted, SeriesHeadings().Count(html));
        Assert.Contains("<h4>port: P040 ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h4>port: P028 ", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<table class=\"series\">"));
        Assert.Equal(40, TableRows(html));
        Assert.DoesNotContain("rel=\"next\"", Table(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeriesTable_TwoHundredSeries_PagesOfFiftyWithLinks()
    {
        var (_, commitment) = await ManySeriesAsync(200);
        var indicator = commitment.Indicators.Single(i => i.Id == DemoDashboard.Seizures.Value);
        var path = "/indicators/" + DemoDashboard.Seizures.Value;

        async Task<string> PageAsync(int offset, TextCatalogue text) => await RenderAsync<SeriesTable>(new()
        {
            [nameof(SeriesTable.Indicator)] = indicator,
            [nameof(SeriesTable.Offset)] = offset,
            [nameof(SeriesTable.Link)] = new Func<int, string>(o => IndicatorPage.SeriesLink(indicator.Id, o, ChartWindow.Assessment, text)),
            [nameof(SeriesTable.Text)] = text,
        });

        var first = await PageAsync(0, TextCatalogue.English);
        Assert.Equal(SeriesTable.PageSize, TableRows(first));
        Assert.Contains("All 200 series", first, StringComparison.Ordinal);
        Assert.Contains("<tr><td>port: P001</td>", first, StringComparison.Ordinal);
        Assert.Contains($"<a rel=\"next\" href=\"{path}?lang=en&amp;series=50#series-{DemoDashboard.Seizures.Value}\">More series →</a>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);

        var last = await PageAsync(150, TextCatalogue.Spanish);
        Assert.Equal(SeriesTable.PageSize, TableRows(last));
        Assert.Contains("Se muestran 151–200 de 200.", last, StringComparison.Ordinal);
        Assert.Contains("<tr><td>port: P200</td>", last, StringComparison.Ordinal);
        Assert.Contains($"<a rel=\"prev\" href=\"{path}?lang=es&amp;series=100#series-{DemoDashboard.Seizures.Value}\">← Series anteriores</a>", last, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        Assert.Empty(EnglishLeaks.InHtml(last, EnglishLeaks.Data(indicator)));

        // Past the end: the last series, not an empty page.
        Assert.Equal(1, TableRows(await PageAsync(99999, TextCatalogue.English)));
    }

    static string Table(string html)
    {
        var start = html.IndexOf("<table class=\"series\">", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..];
    }

    static int TableRows(string html)
    {
        var table = Table(html);
        return Regex.Count(table[..Math.Max(0, table.IndexOf("</table>", StringComparison.Ordinal))], "<tr><td>");
    }

    [GeneratedRegex("<h4>port: P[0-9]+ <span class=\"badge")]
    private static partial Regex SeriesHeadings();
}
