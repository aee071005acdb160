using System.Text;
using System.Xml.Linq;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Tests.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Scorecards;

/// <summary>
/// A value's revision chart (<see cref="ScorecardChart.WriteRevisions"/>), drawn by the scorecards' chart engine: one
/// point per revision in the order logged, provisional figures marked by a shape and a word, figures rounded for
/// people, and labels that touch nothing; its CSV exact.
/// </summary>
public sealed class RevisionChartTests
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    static ValueRevision Revision(ulong entry, decimal figure, bool provisional, bool current, string? release = null, ulong? supersedes = null, string? reason = null) =>
        new(entry, figure, new PartyId("us"), release is null ? null : DateOnly.Parse(release, System.Globalization.CultureInfo.InvariantCulture),
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays((int)entry), provisional, supersedes, reason, current);

    /// <summary>A provisional first figure, revised twice: up, then down to the final one.</summary>
    static ValueRevisions Sample(IReadOnlyDictionary<string, string>? dimensions = null) => new(
        new IndicatorId("synthetic-opioid-deaths"), "Synthetic-opioid deaths", "deaths", Period.Month(2025, 3), dimensions ?? new Dictionary<string, string>(),
        [
            Revision(12, 4567.25m, provisional: true, current: false, release: "2025-08-13"),
            Revision(40, 4812.5m, provisional: true, current: false, release: "2025-09-17", supersedes: 12, reason: "late death certificates"),
            Revision(77, 4790m, provisional: false, current: true, release: "2026-11-14", supersedes: 40, reason: "final data"),
        ]);

    [Fact]
    public void Chart_HasOnePointPerRevisionInTheOrderLogged()
    {
        var revisions = Sample();
        var svg = new StringBuilder();

        var g = ScorecardChart.DrawRevisions(svg, revisions, TextCatalogue.English);

        Assert.Equal(revisions.Revisions.Count, g.Points.Count);
        Assert.True(g.Points.Zip(g.Points.Skip(1)).All(p => p.First.X < p.Second.X), "revisions run left to right in the order logged");

        // Higher figures sit higher (y down): the second figure is the highest, the first the lowest.
        var y = g.Points.Select(p => p.Y).ToList();
        Assert.True(y[1] < y[2] && y[2] < y[0]);
        var root = XElement.Parse(svg.ToString());
        var marks = root.Descendants("g").Where(e => (e.Attribute("class")?.Value ?? "").Contains("revision", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, marks.Count);
        Assert.Contains("superseded", marks[0].Attribute("class")!.Value, StringComparison.Ordinal);
        Assert.Contains("current", marks[2].Attribute("class")!.Value, StringComparison.Ordinal);
        Assert.Single(root.Descendants("polyline"));
    }

    [Fact]
    public void Provisional_IsMarkedByShapeAndWordNotColourOnly()
    {
        var root = XElement.Parse(Draw(Sample(), TextCatalogue.English));

        var marks = root.Descendants("g").Where(e => (e.Attribute("class")?.Value ?? "").Contains("revision", StringComparison.Ordinal)).ToList();
        var rings = marks.Select(m => m.Elements("circle").Count(c => c.Attribute("class")?.Value == "provisional")).ToList();
        Assert.Equal([1, 1, 0], rings);

        // The word under each provisional figure's date, and in each provisional figure's title.
        Assert.Equal(2, root.Descendants("text").Count(t => t.Value == "provisional"));
        Assert.Equal([true, true, false], marks.Select(m => m.Element("title")!.Value.Contains("provisional", StringComparison.Ordinal)));
        var legend = new StringBuilder();
        ScorecardChart.WriteRevisionsLegend(legend, Sample(), TextCatalogue.English);
        Assert.Contains("provisional", legend.ToString(), StringComparison.Ordinal);
        Assert.Contains("superseded figure", legend.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_AreRoundedForPeopleUnlessRoundingHidesARevision()
    {
        var svg = Draw(Sample(), TextCatalogue.English);

        Assert.Contains(">4,567</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">4,813</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("4,567.25", svg, StringComparison.Ordinal);

        // 12.3451 and 12.3452 both round to 12.35: both are shown as logged, so the revision stays visible.
        var small = Sample() with { Revisions = [Revision(1, 12.3451m, false, false), Revision(2, 12.3452m, false, true, supersedes: 1)] };
        Assert.Equal(["12.3451", "12.3452"], ScorecardChart.RevisionFigures(small.Revisions, TextCatalogue.English.Format));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(ValueRevisions.MaxRevisions)]
    public void Labels_TouchNoPointNoLineAndNoOtherLabel(int count)
    {
        var revisions = Sample() with
        {
            Revisions = [.. Enumerable.Range(0, count).Select(i => Revision((ulong)(i + 1), 1000m + ((i % 3) * 37.5m), provisional: i % 2 == 0, current: i == count - 1, release: "2025-08-13"))],
        };

        var svg = new StringBuilder();
        var g = ScorecardChart.DrawRevisions(svg, revisions, TextCatalogue.Spanish);

        Assert.Equal(count, g.Points.Count);
        foreach (var (name, box) in g.Labels)
        {
            Assert.True(box.Inside(g.Plot), $"{name} outside the plot");
            Assert.DoesNotContain(g.Markers, box.Overlaps);
            Assert.DoesNotContain(g.DataLines, box.Crosses);
            Assert.DoesNotContain(g.Labels.Where(l => l.Name != name), l => l.Box.Overlaps(box));
        }

        // The date labels under the axis never overlap: on a crowded axis every k-th is written.
        var dates = XElement.Parse(svg.ToString()).Descendants("text").Where(t => t.Attribute("class")?.Value == "tick" && t.Attribute("text-anchor")?.Value == "middle")
            .Select(t => ScorecardChart.LabelBox(t.Value, double.Parse(t.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture), 0, "middle")).ToList();
        Assert.NotEmpty(dates);
        Assert.True(dates.Zip(dates.Skip(1)).All(p => !p.First.Overlaps(p.Second)), "two dates overlap");
    }

    [Fact]
    public void Standalone_IsAnSvgFileWithItsStylesAndSpanishWords()
    {
        var revisions = Sample(new Dictionary<string, string> { ["state"] = "AZ" });

        var svg = ScorecardChart.StandaloneRevisions(revisions, TextCatalogue.Spanish);

        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Contains(ScorecardChart.Css, root.Element(Svg + "style")!.Value, StringComparison.Ordinal);
        Assert.Equal("Revisiones de Synthetic-opioid deaths, mar 2025 (state: AZ)", root.Attribute("aria-label")!.Value);
        Assert.Contains(">preliminar</text>", svg, StringComparison.Ordinal);
        Assert.Equal("synthetic-opioid-deaths-2025-03-az-revisions.svg", ScorecardChart.RevisionsFileName(revisions, "svg"));
    }

    [Fact]
    public void Spanish_ChartLegendAndCsvCarryNoEnglish()
    {
        var revisions = Sample();
        var legend = new StringBuilder();
        ScorecardChart.WriteRevisionsLegend(legend, revisions, TextCatalogue.Spanish);
        var data = new[] { revisions.IndicatorName, revisions.Unit, "late death certificates", "final data", "synthetic-opioid-deaths" };

        foreach (var output in new[] { Draw(revisions, TextCatalogue.Spanish), legend.ToString() })
        {
            Assert.Empty(EnglishLeaks.InHtml(output, data));
        }

        Assert.Empty(EnglishLeaks.InText(ScorecardChart.RevisionsCsv(revisions, TextCatalogue.Spanish), data));
    }

    [Fact]
    public void Csv_HoldsEveryRevisionExactlyInOrder()
    {
        var csv = ScorecardChart.RevisionsCsv(Sample(), TextCatalogue.English);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Revision,Period,Value,Unit,Reported by,Release,Recorded,provisional,current figure,Corrects entry,Reason given,entry", lines[0]);
        Assert.Equal("1,2025-03,4567.25,deaths,us,2025-08-13,2026-01-13,yes,no,,,12", lines[1]);
        Assert.Equal("2,2025-03,4812.5,deaths,us,2025-09-17,2026-02-10,yes,no,12,late death certificates,40", lines[2]);
        Assert.Equal("3,2025-03,4790,deaths,us,2026-11-14,2026-03-19,no,yes,40,final data,77", lines[3]);
    }

    static string Draw(ValueRevisions revisions, TextCatalogue t)
    {
        var svg = new StringBuilder();
        ScorecardChart.WriteRevisions(svg, revisions, t);
        return svg.ToString();
    }
}
