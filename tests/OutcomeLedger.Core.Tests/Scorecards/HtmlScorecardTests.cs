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
        Assert.Contains("fell 28.4% against the projected trend (95% CI -29.9% to -27.0%)", html, StringComparison.Ordinal);
        Assert.Contains("Seasonal Mann-Kendall trend test", html, StringComparison.Ordinal);
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
        Assert.Contains("bajó 28.4% respecto de la tendencia proyectada (IC del 95%: -29.9% a -27.0%)", html, StringComparison.Ordinal);
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
}
