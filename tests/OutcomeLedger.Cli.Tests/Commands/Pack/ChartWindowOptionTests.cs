using OutcomeLedger.Cli.Tests.Commands.Demo;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli.Tests.Commands.Pack;

/// <summary>
/// <c>--chart-window assessment|full</c> on <c>outcomes scorecard</c> and <c>outcomes pack</c>: the assessment window
/// by default, the full history when asked (and said, in either language); a window the format cannot show, or an
/// unknown one, is a one-line usage error that writes nothing.
/// </summary>
public sealed class ChartWindowOptionTests(DemoFixture demo) : DemoScorecardCommandTests(demo), IClassFixture<DemoFixture>
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void Scorecard_Html_AssessmentByDefault_FullWhenAsked(string lang)
    {
        var t = TextCatalogue.For(lang == "es" ? ScorecardLanguage.Spanish : ScorecardLanguage.English);
        var commitment = Scorecard().Commitments.First(c => TimeAxis.For(c) != TimeAxis.For(c, ChartWindow.Full));
        var byDefault = Html("--lang", lang);

        Assert.Equal(byDefault, Html("--lang", lang, "--chart-window", "assessment"));
        var full = Html("--lang", lang, "--chart-window", "full");

        Assert.Contains(Sentence(t.Chart.WindowShown, TimeAxis.For(commitment), t), byDefault, StringComparison.Ordinal);
        Assert.Contains("<details class=\"history\">", byDefault, StringComparison.Ordinal);
        Assert.Contains(Sentence(t.Chart.FullHistoryShown, TimeAxis.For(commitment, ChartWindow.Full), t), full, StringComparison.Ordinal);
        Assert.DoesNotContain("<details class=\"history\">", full, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("md")]
    public void Scorecard_FormatWithoutCharts_WindowIsAUsageErrorAndNoFile(string format)
    {
        var file = Temp["card." + format];

        var run = Run("scorecard", "--format", format, "--chart-window", "full", "--out", file).AssertFails(2, $"--chart-window: the {format} scorecard has no charts");

        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData("scorecard")]
    [InlineData("pack")]
    public void UnknownWindow_IsAUsageErrorNamingTheOption(string command)
    {
        var file = Temp["out"];

        Run(command, "--chart-window", "decade", "--out", file).AssertFails(2, "decade");

        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Pack_FullSpanish_SaysTheFullHistoryInSpanish()
    {
        var t = TextCatalogue.Spanish;
        var commitment = Scorecard().Commitments.First(c => TimeAxis.For(c) != TimeAxis.For(c, ChartWindow.Full));
        var pdf = Temp["historia.pdf"];

        Run("pack", "--out", pdf, "--lang", "es", "--chart-window", "full").AssertOk();

        var text = Words(Poppler.Text(pdf));
        Assert.Contains(Sentence(t.Chart.FullHistoryShown, TimeAxis.For(commitment, ChartWindow.Full), t), text, StringComparison.Ordinal);
    }

    static string Sentence(string text, TimeAxis axis, TextCatalogue t) =>
        TextCatalogue.Fill(text, ("from", t.Format.Date(axis.From)), ("to", t.Format.Date(axis.To)));

    string Html(params string[] args)
    {
        var file = Temp[Guid.NewGuid().ToString("N") + ".html"];
        Run(["scorecard", "--format", "html", "--out", file, .. args]).AssertOk();
        return File.ReadAllText(file);
    }
}
