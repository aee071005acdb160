using System.Globalization;
using System.Text.RegularExpressions;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Tests.Evaluation;
using OutcomeLedger.Core.Tests.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Scorecards;

/// <summary>
/// An indicator with more series than a reader can use as charts (a 1M-entry ledger of 200 ports made a commitment
/// page of 393 MB): the scorecards and the pack chart the ones that matter and list every series in one table; the
/// JSON keeps them all.
/// </summary>
public sealed partial class ManySeriesTests
{
    const string Indicator = "port-seizures";

    const string Key = "outcomes.test/log+01234567+AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    static string Port(int k) => "P" + k.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="ports"/> series, port P01 the smallest and each next one larger; P02 carries a dispute that stays
    /// open, so it is charted though small.
    /// </summary>
    static Scorecard Create(int ports)
    {
        var ledger = new TestLedger(due: new DateOnly(2026, 12, 31));
        ledger.Indicator(Indicator, dimensions: new Dictionary<string, IReadOnlyList<string>> { ["port"] = [.. Enumerable.Range(1, ports).Select(Port)] });
        for (var k = 1; k <= ports; k++)
        {
            var values = ledger.Series(Indicator, effect: -0.2, months: 48, seed: k, level: 100 * k, dimensions: new Dictionary<string, string> { ["port"] = Port(k) });
            if (k == 2)
            {
                ledger.Attest(values[^1], Verdict.Disputed, TestLedger.Mx, 1m, "not our count");
            }
        }

        return ledger.Evaluate();
    }

    static readonly Lazy<Scorecard> Forty = new(() => Create(40));

    [Fact]
    public void Charted_FortySeries_TheDisputedOneAndTheLargestByLatestValue()
    {
        var indicator = Forty.Value.Commitments[0].Indicators.Single(i => i.Id == Indicator);

        var charted = SeriesSelection.Charted(indicator).Select(s => s.Dimensions["port"]).ToList();

        Assert.True(SeriesSelection.Overflows(indicator));
        Assert.Equal(40, indicator.Series.Count);
        Assert.Equal(["P02", .. Enumerable.Range(30, 11).Select(Port)], charted.Order(StringComparer.Ordinal));
        Assert.Equal(indicator.Series.Select(s => s.Dimensions["port"]).Where(charted.Contains), charted);
    }

    [Fact]
    public void Charted_TwelveSeries_AllOfThemAndNoTable()
    {
        var scorecard = Create(SeriesSelection.MostCharted);
        var indicator = scorecard.Commitments[0].Indicators.Single(i => i.Id == Indicator);

        Assert.False(SeriesSelection.Overflows(indicator));
        Assert.Same(indicator.Series, SeriesSelection.Charted(indicator));
        var html = HtmlScorecard.Render(scorecard, ScorecardLanguage.English);
        Assert.Equal(SeriesSelection.MostCharted, SeriesHeadings().Count(html));
        Assert.DoesNotContain("<table class=\"series\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(TextCatalogue.Fill(TextCatalogue.English.AllSeries, ("count", "12")), MarkdownScorecard.Render(scorecard, ScorecardLanguage.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_FortySeries_TwelveChartsAndOneTableOfForty()
    {
        var html = HtmlScorecard.Render(Forty.Value, ScorecardLanguage.English);

        Assert.Equal(SeriesSelection.MostCharted, SeriesHeadings().Count(html));
        Assert.Contains("<h4>port: P02 ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h4>port: P03 ", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<table class=\"series\">"));
        var table = html[html.IndexOf("<table class=\"series\">", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(40, Regex.Count(table, "<tr><td>"));
        Assert.Contains("All 40 series", html, StringComparison.Ordinal);
        Assert.Contains($"<tr><td>port: P03</td><td>{TextCatalogue.English.Format.Period("2025-12")}</td>", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_FortySeries_TwelveSectionsAndOneTableOfForty()
    {
        var markdown = MarkdownScorecard.Render(Forty.Value, ScorecardLanguage.English);

        Assert.Equal(SeriesSelection.MostCharted, Regex.Count(markdown, "^##### port: ", RegexOptions.Multiline));
        Assert.Contains("##### All 40 series", markdown, StringComparison.Ordinal);
        Assert.Equal(40, Regex.Count(markdown, "^\\| port: P", RegexOptions.Multiline));
    }

    [Fact]
    public void Pack_FortySeriesWithoutATotal_TwelveChartsAndOneTableOfForty()
    {
        var pack = PackBuilder.Build(new PackInput { Scorecard = Forty.Value, Language = ScorecardLanguage.English, LogVerifierKey = Key });

        Assert.Equal(SeriesSelection.MostCharted, pack.Blocks.OfType<PackChart>().Count());
        var table = Assert.Single(pack.Blocks.OfType<PackTable>(), t => t.Headers.Count > 0 && t.Headers[0] == TextCatalogue.English.SeriesColumn);
        Assert.Equal(40, table.Rows.Count);
    }

    [Fact]
    public void Json_FortySeries_KeepsEverySeriesAndValue()
    {
        var json = ScorecardJson.Serialize(Forty.Value);
        var back = ScorecardJson.Deserialize(json).Commitments[0].Indicators.Single(i => i.Id == Indicator);

        Assert.Equal(40, back.Series.Count);
        Assert.All(back.Series, s => Assert.Equal(48, s.Points.Count));
    }

    [Fact]
    public void Spanish_FortySeries_HasNoEnglishFromTheCatalogue()
    {
        var html = HtmlScorecard.Render(Forty.Value, ScorecardLanguage.Spanish);
        var markdown = MarkdownScorecard.Render(Forty.Value, ScorecardLanguage.Spanish);

        Assert.Contains("Las 40 series", html, StringComparison.Ordinal);
        Assert.Empty(EnglishLeaks.InHtml(html, EnglishLeaks.Data(Forty.Value)));
        Assert.Empty(EnglishLeaks.InText(markdown, EnglishLeaks.Data(Forty.Value)));
    }

    // A charted series' heading (an indicator of several series names each one it charts).
    [GeneratedRegex("<h4>port: P[0-9]+ <span class=\"badge")]
    private static partial Regex SeriesHeadings();
}
