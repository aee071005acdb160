using System.Xml.Linq;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Core.Tests.Reports;

public sealed class InlineSvgTests
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Apply_ChartStyles_EachElementGetsItsDeclarationsInCascadeOrder()
    {
        const string chart = """<svg class="chart" viewBox="0 0 10 10"><g class="target illustrative"><title>t</title><path d="M0 0"/></g><g class="target"><path d="M1 1"/></g><line class="baseline" x1="0" x2="1" y1="0" y2="0"/></svg>""";

        var root = XElement.Parse(InlineSvg.Apply(chart, ScorecardChart.Css, "DejaVu Sans"));

        var paths = root.Descendants(Svg + "path").ToList();
        // svg .target.illustrative path (three classes' worth) overrides svg .target path.
        Assert.Equal("#fff", (string?)paths[0].Attribute("fill"));
        Assert.Equal("#d55e00", (string?)paths[0].Attribute("stroke"));
        Assert.Equal("1.5", (string?)paths[0].Attribute("stroke-width"));
        Assert.Equal("#009e73", (string?)paths[1].Attribute("fill"));
        Assert.Equal(".75", (string?)paths[1].Attribute("stroke-width"));
        var baseline = root.Element(Svg + "line")!;
        Assert.Equal("8 4", (string?)baseline.Attribute("stroke-dasharray"));
        Assert.Equal("2", (string?)baseline.Attribute("stroke-width"));
        // svg.chart's font size, in user units; its width and margin are HTML layout and stay out.
        Assert.Equal("11", (string?)root.Attribute("font-size"));
        Assert.Null(root.Attribute("width"));
        Assert.Equal("DejaVu Sans", (string?)root.Attribute("font-family"));
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("class") is not null);
        Assert.Empty(root.Descendants(Svg + "title"));
        Assert.All(root.DescendantsAndSelf(), e => Assert.Equal(Svg, e.Name.Namespace));
    }

    [Fact]
    public void Apply_SelectorItCannotMatch_IsLeftOutNotMisapplied()
    {
        const string css = "svg .a:hover{fill:red}svg>.a{fill:green}svg .a{fill:blue}svg .b .a{stroke:black}";

        var root = XElement.Parse(InlineSvg.Apply("""<svg><rect class="a"/></svg>""", css, "x"));

        var rect = root.Element(Svg + "rect")!;
        Assert.Equal("blue", (string?)rect.Attribute("fill"));
        Assert.Null(rect.Attribute("stroke"));
    }

    [Fact]
    public void Apply_LaterRuleOfSameSpecificity_Wins()
    {
        var root = XElement.Parse(InlineSvg.Apply("""<svg><circle class="a b"/></svg>""", "svg .a{fill:red}svg .b{fill:blue}", "x"));

        Assert.Equal("blue", (string?)root.Element(Svg + "circle")!.Attribute("fill"));
    }
}
