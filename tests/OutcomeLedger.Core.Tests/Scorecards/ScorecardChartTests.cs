using System.Text;
using System.Xml.Linq;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Scorecards;

public class ScorecardChartTests
{
    static readonly Scorecard Sample = SampleScorecard.Create();

    static ScorecardCommitment First => Sample.Commitments[0];

    public static TheoryData<int, int, int, ChartWindow, string> EveryChart()
    {
        var data = new TheoryData<int, int, int, ChartWindow, string>();
        for (var c = 0; c < Sample.Commitments.Count; c++)
        {
            for (var i = 0; i < Sample.Commitments[c].Indicators.Count; i++)
            {
                for (var s = 0; s < Sample.Commitments[c].Indicators[i].Series.Count; s++)
                {
                    foreach (var window in Enum.GetValues<ChartWindow>())
                    {
                        data.Add(c, i, s, window, "en");
                        data.Add(c, i, s, window, "es");
                    }
                }
            }
        }

        return data;
    }

    [Fact]
    public void TimeAxis_ByDefault_IsTheAssessmentWindowAndFullOnDemand()
    {
        var assessment = TimeAxis.For(First);
        var full = TimeAxis.For(First, ChartWindow.Full);

        // The series start in 2022; the baseline (2024) starts the window; the target (end of 2026) ends it.
        Assert.Equal(new DateOnly(2024, 1, 1), assessment.From);
        Assert.Equal(new DateOnly(2027, 1, 1), assessment.To);
        Assert.Equal(new DateOnly(2022, 1, 1), full.From);
        Assert.Equal(full.To, assessment.To);
    }

    [Theory]
    [MemberData(nameof(EveryChart))]
    public void Labels_TouchNoValueNoLineAndNoOtherLabel(int commitment, int indicator, int series, ChartWindow window, string lang)
    {
        var c = Sample.Commitments[commitment];
        var i = c.Indicators[indicator];
        var g = ScorecardChart.Draw(new StringBuilder(), i, i.Series[series], c, TimeAxis.For(c, window), TextCatalogue.For(lang == "es" ? ScorecardLanguage.Spanish : ScorecardLanguage.English));

        AssertClear(g);
    }

    [Fact]
    public void Labels_AreDrawnBesideTheirLines()
    {
        var i = First.Indicators.Single(x => x.Id == "sw-border-fentanyl-seizures");
        var g = ScorecardChart.Draw(new StringBuilder(), i, i.Series[0], First, TimeAxis.For(First), TextCatalogue.English);

        Assert.Contains(g.Labels, l => l.Name == "baseline");
        Assert.Contains(g.Labels, l => l.Name == "target");
        Assert.Contains(g.Labels, l => l.Name == "commitment");
    }

    [Fact]
    public void Labels_WithNoFreePlace_AreLeftToTheLegend()
    {
        // Twelve statements within three days: they take lanes, and the labels still find free places or are left out.
        var crowded = First with
        {
            Statements = [.. Enumerable.Range(0, 12).Select(n => First.Statements[0] with { Id = "s" + n, Date = First.MadeOn.AddDays(n % 3) })],
        };
        var i = First.Indicators[0];
        var g = ScorecardChart.Draw(new StringBuilder(), i, i.Series[0], crowded, TimeAxis.For(crowded), TextCatalogue.English);

        AssertClear(g);
        Assert.Equal(12, g.Statements.Count);
    }

    [Fact]
    public void Statements_DaysApart_NeverHideEachOther()
    {
        var close = First with
        {
            Statements = [.. Enumerable.Range(0, 6).Select(n => First.Statements[0] with { Id = "s" + n, Date = new DateOnly(2025, 6, 2).AddDays(n * 2) })],
        };
        var i = First.Indicators[0];
        var svg = new StringBuilder();
        var g = ScorecardChart.Draw(svg, i, i.Series[0], close, TimeAxis.For(close), TextCatalogue.English);

        Assert.Equal(6, g.Statements.Count);
        for (var a = 0; a < g.Statements.Count; a++)
        {
            for (var b = a + 1; b < g.Statements.Count; b++)
            {
                Assert.False(g.Statements[a].Overlaps(g.Statements[b]), $"statement {a + 1} hides statement {b + 1}");
            }

            Assert.True(g.Statements[a].Bottom <= g.Plot.Y, "a statement marker sits on the plot");
        }
    }

    [Fact]
    public void Projection_IsADashedLabelledLineWhereTheRegressionWasFitted()
    {
        var fitted = Sample.Commitments.SelectMany(c => c.Indicators.SelectMany(i => i.Series.Select(s => (c, i, s)))).Where(x => x.s.Statistics.SegmentedRegression is not null).ToList();
        Assert.NotEmpty(fitted);
        foreach (var (c, i, s) in fitted)
        {
            var svg = new StringBuilder();
            var g = ScorecardChart.Draw(svg, i, s, c, TimeAxis.For(c), TextCatalogue.English);
            var legend = new StringBuilder();
            ScorecardChart.WriteLegend(legend, s, i, TextCatalogue.English);

            Assert.Contains("<line class=\"projection\"", svg.ToString(), StringComparison.Ordinal);
            Assert.Contains("Projected trend without the commitment", legend.ToString(), StringComparison.Ordinal);
            var projection = ScorecardChart.Projection(s)!.Value;
            Assert.Equal(s.Statistics.SegmentedRegression!.CounterfactualAtLastPeriod, projection.ToValue);
            Assert.Equal(s.Statistics.SegmentedRegression.PreTrend.Value, (projection.ToValue - projection.FromValue) / Months(projection.From, projection.To), 6);
            AssertClear(g);
        }

        var unfitted = Sample.Commitments.SelectMany(c => c.Indicators.SelectMany(i => i.Series.Select(s => (c, i, s)))).First(x => x.s.Statistics.SegmentedRegression is null);
        var none = new StringBuilder();
        ScorecardChart.Write(none, unfitted.i, unfitted.s, unfitted.c, TimeAxis.For(unfitted.c), TextCatalogue.English);
        Assert.DoesNotContain("projection", none.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Css_StatusesAndLinesUseTheOkabeItoPalette()
    {
        string[] okabeIto = ["#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"];
        foreach (var cls in (string[])["acknowledged circle", "verified rect", "resolved path", "disputed path", "verification-failed path", ".projection{", ".path{"])
        {
            var at = ScorecardChart.Css.IndexOf(cls, StringComparison.Ordinal);
            Assert.True(at >= 0, cls);
            var rule = ScorecardChart.Css[at..ScorecardChart.Css.IndexOf('}', at)];
            Assert.Contains(okabeIto, colour => rule.Contains(colour, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Standalone_IsAnSvgFileWithItsStyles()
    {
        var i = First.Indicators[0];
        var svg = ScorecardChart.Standalone(i, i.Series[0], First, TimeAxis.For(First), TextCatalogue.Spanish);

        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), root.Name);
        Assert.Contains(ScorecardChart.Css, root.Element(XName.Get("style", "http://www.w3.org/2000/svg"))!.Value, StringComparison.Ordinal);
        Assert.Contains("Gráfica de valores por periodo", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HoldsEveryValueExactlyWithTheReadersHeaders()
    {
        var i = First.Indicators.Single(x => x.Id == "sw-border-fentanyl-seizures");
        var s = i.Series[0];

        var csv = ScorecardChart.Csv(i, s, TextCatalogue.Spanish);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(s.Points.Count + 1, lines.Length);
        Assert.StartsWith("Periodo,Inicio del periodo,Valor reportado,Valor vigente,", lines[0], StringComparison.Ordinal);
        var resolved = s.Points.Single(p => p.Reported != p.Stands);
        Assert.Contains(lines, l => l.StartsWith(resolved.Period + ",", StringComparison.Ordinal) && l.Contains($",{resolved.Reported},{resolved.Stands},", StringComparison.Ordinal) && l.EndsWith("," + resolved.Entry.Index, StringComparison.Ordinal));
        Assert.Equal("sw-border-fentanyl-seizures.csv", ScorecardChart.FileName(i, s, "csv"));
    }

    [Fact]
    public void ChartBox_CrossesAndOverlaps()
    {
        var box = new ChartBox(10, 10, 20, 10);

        Assert.True(box.Crosses(new ChartSegment(0, 15, 40, 15)));
        Assert.True(box.Crosses(new ChartSegment(0, 0, 40, 30)));
        Assert.False(box.Crosses(new ChartSegment(0, 25, 40, 25)));
        Assert.False(box.Crosses(new ChartSegment(0, 0, 5, 30)));
        Assert.True(box.Overlaps(new ChartBox(25, 15, 10, 10)));
        Assert.False(box.Overlaps(new ChartBox(30, 10, 10, 10)));
    }

    static double Months(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;

    static void AssertClear(ChartGeometry g)
    {
        for (var a = 0; a < g.Labels.Count; a++)
        {
            var (name, box) = g.Labels[a];
            Assert.True(box.Inside(g.Plot), $"{name} label outside the plot");
            Assert.DoesNotContain(g.Markers, box.Overlaps);
            Assert.DoesNotContain(g.DataLines, box.Crosses);
            Assert.DoesNotContain(g.ReferenceLines, box.Crosses);
            for (var b = a + 1; b < g.Labels.Count; b++)
            {
                Assert.False(box.Overlaps(g.Labels[b].Box), $"{name} label overlaps the {g.Labels[b].Name} label");
            }
        }

        for (var a = 0; a < g.Statements.Count; a++)
        {
            for (var b = a + 1; b < g.Statements.Count; b++)
            {
                Assert.False(g.Statements[a].Overlaps(g.Statements[b]), $"statement {a + 1} hides statement {b + 1}");
            }
        }
    }
}
