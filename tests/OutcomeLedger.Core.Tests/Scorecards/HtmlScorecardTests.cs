using System.Text.RegularExpressions;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Scorecards;

public class HtmlScorecardTests
{
    static readonly Scorecard Sample = SampleScorecard.Create();

    [Fact]
    public void Render_English_ShowsSummaryRatingsReasonsAndFigures()
    {
        var html = HtmlScorecard.Render(Sample, ScorecardLanguage.English);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"summary\">", html, StringComparison.Ordinal);
        Assert.Contains(">ON TRACK</span>", html, StringComparison.Ordinal);
        Assert.Contains(">NOT YET ASSESSED</span>", html, StringComparison.Ordinal);
        Assert.Matches(@"fell 2\d\.\d% against its baseline \(mean of Jan 2025 – Dec 2025: [\d,.]+ deaths against [\d,.]+ deaths, the mean of the same calendar months in Jan 2024 – Dec 2024; 95% CI -\d+\.\d% to -\d+\.\d%\)", html);
        Assert.Contains("<th>What the data says</th><th>Confirmed</th></tr>", html, StringComparison.Ordinal);
        // Each commitment's needs and reason: a full-width row under its ratings, not two narrow columns.
        Assert.Equal(Sample.Commitments.Count, Regex.Count(html, "<tr class=\"why\"><td colspan=\"5\"><dl><dt>Still needs</dt><dd>[^<]+</dd><dt>Reason</dt><dd>[^<]+</dd></dl></td></tr>"));
        Assert.Contains("Observed change against the baseline (decides the rating)", html, StringComparison.Ordinal);
        Assert.Contains("Mann-Kendall trend test (secondary evidence, does not decide the rating; on Jan 2024 – Dec 2025)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Spanish_TranslatesLabelsDatesAndRatingsButNotQuotes()
    {
        var html = HtmlScorecard.Render(Sample, ScorecardLanguage.Spanish);

        Assert.Contains("<html lang=\"es\">", html, StringComparison.Ordinal);
        Assert.Contains(">EN CAMINO</span>", html, StringComparison.Ordinal);
        Assert.Contains(">AÚN NO EVALUADO</span>", html, StringComparison.Ordinal);
        Assert.Contains("Declaraciones", html, StringComparison.Ordinal);
        Assert.Contains("15 ene 2025", html, StringComparison.Ordinal);
        Assert.Matches(@"bajó 2\d\.\d% respecto de su línea base \(media de ene 2025 – dic 2025: [\d,.]+ deaths frente a [\d,.]+ deaths, la media de los mismos meses del calendario en ene 2024 – dic 2024; IC del 95%: -\d+\.\d% a -\d+\.\d%\)", html);
        Assert.Contains("<th>Lo que dicen los datos</th><th>Confirmación</th></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"why\"><td colspan=\"5\"><dl><dt>Le falta</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote lang=\"en\">“We will cut the flow of fentanyl.”</blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote lang=\"es\">“Reduciremos el flujo de fentanilo.”</blockquote>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IllustrativeTarget_IsLabelledInTheFactsTheChartAndTheReason()
    {
        var en = HtmlScorecard.Render(Sample, ScorecardLanguage.English);
        var es = HtmlScorecard.Render(Sample, ScorecardLanguage.Spanish);

        Assert.Contains("<span class=\"illustrative\">ILLUSTRATIVE target (an assumption, not agreed)</span>", en, StringComparison.Ordinal);
        Assert.Contains("<g class=\"target illustrative\">", en, StringComparison.Ordinal);
        Assert.Contains("Target (illustrative)", en, StringComparison.Ordinal);
        Assert.Contains("Meta ILUSTRATIVA (un supuesto, no acordada)", es, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Disputes_ShowBothFiguresAndTheResolution()
    {
        var html = HtmlScorecard.Render(Sample, ScorecardLanguage.English);

        Assert.Contains("disputed (mx): <strong>900</strong> — double-counted seizure at Nogales", html, StringComparison.Ordinal);
        Assert.Contains("resolved (gao): <strong>1,150</strong>", html, StringComparison.Ordinal);
        Assert.Contains("disputed (mx): <strong>1,010</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<path class=\"cross other\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ValuesAreMarkedByStatusWithDistinctShapes()
    {
        var html = HtmlScorecard.Render(Sample, ScorecardLanguage.English);

        Assert.Matches("<g class=\"v acknowledged\"><title>[^<]*</title><circle ", html);
        Assert.Matches("<g class=\"v resolved\"><title>[^<]*</title>.*?<path d=\"M[^\"]*l5.5 5.5", html);
        Assert.Matches("<g class=\"v disputed uncounted\"><title>[^<]*</title>.*?<path d=\"M[^\"]*l5 9h-10z\"", html);
        Assert.Matches("<g class=\"v self-reported\"><title>", html);
    }

    [Fact]
    public void Render_PairedIndicatorAndCaveat_AreShownBesideTheIndicator()
    {
        var html = HtmlScorecard.Render(Sample, ScorecardLanguage.English);

        Assert.Contains("<strong>Read together with:</strong> <a href=\"#i-overdose-deaths\">Overdose deaths involving synthetic opioids</a>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Reading:</strong> More seizures with fewer deaths suggests less flow, not just more enforcement.", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Caveat:</strong> Seizures are an ambiguous proxy", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsSelfContained()
    {
        var html = HtmlScorecard.Render(Sample, ScorecardLanguage.English);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        // The only addresses are the statements' sources, as links the reader may follow.
        Assert.All(Regex.Matches(html, "https?://[^\"<]+").Select(m => m.Value), url => Assert.StartsWith("https://example.org/", url, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_FromTheJson_IsTheSameAsFromTheModel()
    {
        var fromJson = ScorecardJson.Deserialize(ScorecardJson.Serialize(Sample));

        Assert.Equal(HtmlScorecard.Render(Sample, ScorecardLanguage.Spanish), HtmlScorecard.Render(fromJson, ScorecardLanguage.Spanish));
    }

    [Fact]
    public void Render_EscapesTextFromTheLog()
    {
        var scorecard = Sample with { Agreement = Sample.Agreement with { Title = "<b>& \"co\"</b>" } };

        var html = HtmlScorecard.Render(scorecard, ScorecardLanguage.English);

        Assert.Contains("&lt;b&gt;&amp; &quot;co&quot;&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>&", html, StringComparison.Ordinal);
    }
    [Theory]
    [InlineData(ScorecardLanguage.English)]
    [InlineData(ScorecardLanguage.Spanish)]
    public void Render_ChartWindow_AssessmentByDefaultWithTheHistoryOnDemand_FullWhenAskedWithNoDisclosure(ScorecardLanguage language)
    {
        var t = TextCatalogue.For(language);
        var commitment = Sample.Commitments[0];
        var assessment = TimeAxis.For(commitment);
        var full = TimeAxis.For(commitment, ChartWindow.Full);
        Assert.NotEqual(assessment, full);

        var byDefault = HtmlScorecard.Render(Sample, language);
        var whole = HtmlScorecard.Render(Sample, language, ChartWindow.Full);

        Assert.Equal(byDefault, HtmlScorecard.Render(Sample, language, ChartWindow.Assessment));
        Assert.Contains(TextCatalogue.Fill(t.Chart.WindowShown, ("from", t.Format.Date(assessment.From)), ("to", t.Format.Date(assessment.To))), byDefault, StringComparison.Ordinal);
        Assert.Contains("<details class=\"history\">", byDefault, StringComparison.Ordinal);
        Assert.Contains(TextCatalogue.Fill(t.Chart.FullHistoryShown, ("from", t.Format.Date(full.From)), ("to", t.Format.Date(full.To))), whole, StringComparison.Ordinal);
        Assert.DoesNotContain("<details class=\"history\">", whole, StringComparison.Ordinal);
        Assert.DoesNotContain(TextCatalogue.Fill(t.Chart.WindowShown, ("from", t.Format.Date(assessment.From)), ("to", t.Format.Date(assessment.To))), whole, StringComparison.Ordinal);
    }
}
