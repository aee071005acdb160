using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Tests.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Text;

/// <summary>
/// Everything a Spanish reader sees from Core, rendered in Spanish, holds no English from the catalogue
/// (<see cref="EnglishLeaks"/>): every reason code, every statistical shortfall, and every section of the HTML and
/// Markdown scorecards.
/// </summary>
public class SpanishOutputTests
{
    static readonly Scorecard Sample = WithEverySection();

    public static TheoryData<string> ReasonNames => [.. EnglishLeaks.SampleReasons().Select(r => r.Name)];

    public static TheoryData<string> ShortfallNames => [.. EnglishLeaks.SampleShortfalls().Select(s => s.Name)];

    [Fact]
    public void Reasons_EveryCode_IsSampled() =>
        Assert.All(Enum.GetValues<ReasonCode>(), code => Assert.Contains(EnglishLeaks.SampleReasons(), r => r.Reason.Code == code));

    [Theory]
    [MemberData(nameof(ReasonNames))]
    public void Reason_Spanish_HasNoEnglishFromTheCatalogue(string name)
    {
        var reason = EnglishLeaks.SampleReasons().Single(r => r.Name == name).Reason;

        var spanish = TextCatalogue.Spanish.Sentence(reason);

        Assert.Empty(EnglishLeaks.InText(spanish, [reason.Subject, reason.Unit!]));
        Assert.NotEqual(TextCatalogue.English.Sentence(reason), spanish);
    }

    [Theory]
    [MemberData(nameof(ShortfallNames))]
    public void Shortfall_Spanish_HasNoEnglishFromTheCatalogue(string name)
    {
        var shortfall = EnglishLeaks.SampleShortfalls().Single(s => s.Name == name).Shortfall;

        Assert.Empty(EnglishLeaks.InText(TextCatalogue.Spanish.Sentence(shortfall), []));
    }

    [Fact]
    public void HtmlScorecard_Spanish_HasNoEnglishFromTheCatalogue()
    {
        var html = HtmlScorecard.Render(Sample, ScorecardLanguage.Spanish);

        Assert.Empty(EnglishLeaks.InHtml(html, EnglishLeaks.Data(Sample)));
    }

    [Fact]
    public void MarkdownScorecard_Spanish_HasNoEnglishFromTheCatalogue()
    {
        var markdown = MarkdownScorecard.Render(Sample, ScorecardLanguage.Spanish);

        Assert.Empty(EnglishLeaks.InText(markdown, EnglishLeaks.Data(Sample)));
    }

    [Fact]
    public void Scorecard_FromItsJson_RendersTheSameSpanish()
    {
        var fromJson = ScorecardJson.Deserialize(ScorecardJson.Serialize(Sample));

        Assert.Equal(MarkdownScorecard.Render(Sample, ScorecardLanguage.Spanish), MarkdownScorecard.Render(fromJson, ScorecardLanguage.Spanish));
        Assert.Equal(HtmlScorecard.Render(Sample, ScorecardLanguage.Spanish), HtmlScorecard.Render(fromJson, ScorecardLanguage.Spanish));
    }

    [Fact]
    public void Sample_CoversTheSectionsTheCheckLooksAt()
    {
        var html = HtmlScorecard.Render(Sample, ScorecardLanguage.Spanish);
        var reasons = Sample.Commitments.SelectMany(c => c.Indicators.SelectMany(i => i.Series.Select(s => s.Reason)).Append(c.Reason)).Select(r => r.Code).ToHashSet();

        Assert.Contains(ReasonCode.RollupWorst, reasons);
        Assert.Contains(ReasonCode.TooEarly, reasons);
        Assert.Contains(ReasonCode.TooFewConfirmed, reasons);
        Assert.Contains(Sample.Commitments.SelectMany(c => c.Indicators).SelectMany(i => i.Series), s => s.Statistics.SegmentedRegressionInsufficient is not null);
        Assert.Contains(Sample.Commitments.SelectMany(c => c.Indicators).SelectMany(i => i.Series), s => s.Statistics.TrendTestInsufficient is not null);
        Assert.Contains(Sample.Commitments.SelectMany(c => c.Indicators).SelectMany(i => i.Series), s => s.Statistics.RelativeChangeInsufficient is not null);
        Assert.Contains("<h4>port: Nogales", html, StringComparison.Ordinal);
        Assert.Contains(TextCatalogue.Spanish.Disputes, html, StringComparison.Ordinal);
        Assert.Contains(TextCatalogue.Spanish.PairedWith, html, StringComparison.Ordinal);
        Assert.Contains(TextCatalogue.Spanish.Illustrative, html, StringComparison.Ordinal);
    }

    /// <summary>The check can fail: English slipped into the Spanish scorecard is found, however it got there.</summary>
    [Fact]
    public void Check_EnglishSlippedIntoSpanish_IsFound()
    {
        var html = HtmlScorecard.Render(Sample, ScorecardLanguage.Spanish);
        var english = TextCatalogue.English;
        var leaked = html.Replace(
            $"<h2>{TextCatalogue.Spanish.Policy}</h2>",
            $"<h2>{english.Policy}</h2><p>{english.Sentence(EnglishLeaks.SampleShortfalls().First().Shortfall)}</p>",
            StringComparison.Ordinal);

        var found = EnglishLeaks.InHtml(leaked, EnglishLeaks.Data(Sample));

        Assert.Contains(found, f => f.StartsWith("'policy'", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(found, f => f.StartsWith("'only'", StringComparison.Ordinal));
    }

    /// <summary>
    /// The sample scorecard, plus an indicator logged only by port (series headings, a rollup of series and of a
    /// commitment's indicators), one whose values nobody confirmed, and one too short for any statistic.
    /// </summary>
    static Scorecard WithEverySection()
    {
        var ledger = SampleScorecard.Ledger();
        ledger.Indicator(
            "port-seizures",
            name: "Seizures by port of entry",
            dimensions: new Dictionary<string, IReadOnlyList<string>> { ["port"] = ["Nogales", "San Ysidro"] },
            direction: Direction.Up);
        ledger.Series("port-seizures", effect: 0.3, seed: 5, dimensions: new Dictionary<string, string> { ["port"] = "Nogales" });
        ledger.Series("port-seizures", effect: 0.02, seed: 6, dimensions: new Dictionary<string, string> { ["port"] = "San Ysidro" });
        ledger.Indicator("unconfirmed", name: "Labs dismantled", unit: "labs", measureType: MeasureType.Count);
        ledger.Series("unconfirmed", effect: -0.2, acknowledge: false, seed: 9);
        ledger.Indicator("sparse", name: "Arrests of traffickers", commitment: "extradite-fugitives", unit: "people", measureType: MeasureType.Count);
        ledger.Measure("sparse", Period.Month(2025, 11), 4);
        ledger.Measure("sparse", Period.Month(2025, 12), 6);
        return ledger.Evaluate();
    }
}
