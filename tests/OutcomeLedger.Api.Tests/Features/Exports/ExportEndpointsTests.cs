using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OutcomeLedger.Api.Tests.Features.Dashboard;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Tests.Features.Exports;

/// <summary>
/// The dashboard's spreadsheet downloads: the home page links them, and they are what <c>outcomes export</c> writes:
/// the xlsx (read back here as a zip of SpreadsheetML, another reader than the writer), a sheet as CSV with the headers
/// in the reader's language; bad requests are problem details naming the parameter.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed partial class ExportEndpointsTests(DemoDashboard demo)
{
    static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Home_DownloadLinks_GiveTheWorkbookAndTheSummaryCsv(string lang)
    {
        var ct = TestContext.Current.CancellationToken;
        var t = TextCatalogue.For(lang == "es" ? ScorecardLanguage.Spanish : ScorecardLanguage.English);
        using var client = demo.NewClient();
        var html = await client.GetStringAsync($"/?lang={lang}", ct);
        var links = DownloadLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(2, links.Count);
        Assert.Contains(t.Export.DownloadXlsx, html, StringComparison.Ordinal);

        using var xlsx = await client.GetAsync(links.Single(l => l.StartsWith("/api/v1/export.xlsx", StringComparison.Ordinal)), ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", xlsx.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        var indicators = await demo.Ledger.ReadAsync(state => state.Indicators.Keys.Select(i => i.Value).ToList(), ct);
        var sheets = SheetNames(await xlsx.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(t.Summary, sheets[0]);
        Assert.Equal(indicators.Order(StringComparer.Ordinal), sheets.Skip(1).Order(StringComparer.Ordinal));

        using var csv = await client.GetAsync(links.Single(l => l.StartsWith("/api/v1/export.csv", StringComparison.Ordinal)), ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(ct)).Split("\r\n");
        Assert.StartsWith(t.Export.CommitmentId + "," + t.Commitment + ",", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_IndicatorSheet_ItsValuesWithTheirEntries()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = demo.NewClient();
        var t = TextCatalogue.English;

        var text = await client.GetStringAsync($"/api/v1/export.csv?agreement=us-mx-security&sheet={DemoDashboard.Seizures.Value}", ct);

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", t.Period, t.Export.PeriodStart, t.Export.ValueReported, t.Export.ValueStanding, t.Status, t.Export.Attestations, t.EntryIndex, t.Export.LeafHash), lines[0]);
        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), l => Assert.Matches(@",\d+,[0-9a-f]{64}$", l));
        // The U.S. value the dashboard's tests attach evidence to is there, with its entry number.
        Assert.Contains(lines, l => l.Contains("," + demo.UsMeasurement.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/export.xlsx", HttpStatusCode.BadRequest, "agreement")]
    [InlineData("/api/v1/export.xlsx?agreement=us-mx-security&lang=fr", HttpStatusCode.BadRequest, "lang")]
    [InlineData("/api/v1/export.xlsx?agreement=nothing-such", HttpStatusCode.NotFound, "nothing-such")]
    [InlineData("/api/v1/export.csv?agreement=us-mx-security&at=999999", HttpStatusCode.NotFound, "999999")]
    [InlineData("/api/v1/export.csv?agreement=us-mx-security&sheet=nothing-such", HttpStatusCode.NotFound, "sheets: Summary,")]
    public async Task Get_BadRequest_ProblemNamingWhat(string path, HttpStatusCode status, string detail)
    {
        using var client = demo.NewClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    // The workbook's sheet names, in order, from xl/workbook.xml (ECMA-376 Part 1 §18.2.19).
    static List<string> SheetNames(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var workbook = zip.GetEntry("xl/workbook.xml")!.Open();
        return [.. XDocument.Load(workbook).Descendants(Main + "sheet").Select(s => (string)s.Attribute("name")!)];
    }

    [GeneratedRegex("<a href=\"(/api/v1/export\\.[a-z]+\\?[^\"]+)\" download")]
    private static partial Regex DownloadLink();
}
