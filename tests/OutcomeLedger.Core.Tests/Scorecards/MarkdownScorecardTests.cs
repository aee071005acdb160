using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Scorecards;

public class MarkdownScorecardTests
{
    static readonly Scorecard Sample = SampleScorecard.Create();

    [Fact]
    public void Render_English_HasTheSummaryTableAndTheFigures()
    {
        var md = MarkdownScorecard.Render(Sample, ScorecardLanguage.English);

        Assert.StartsWith("# Scorecard: US-Mexico security cooperation\n", md, StringComparison.Ordinal);
        Assert.Contains("| Commitment | Terms | Rating | What the data says | Confirmed | Still needs | Reason |", md, StringComparison.Ordinal);
        Assert.Contains("| Extradite the fugitives each side names. | proposed by operator, not accepted by us, mx | **NOT YET ASSESSED** |", md, StringComparison.Ordinal);
        Assert.Contains("- Target: 598.2 deaths (-40.0%) 31 Dec 2026 · proposed by operator, not accepted by us, mx", md, StringComparison.Ordinal);
        Assert.Contains("- Target: 1,400 kg 31 Dec 2026 · **ILLUSTRATIVE target (an assumption, not agreed)**", md, StringComparison.Ordinal);
        Assert.Contains("; disputed figure mx: 900 (double-counted seizure at Nogales, #", md, StringComparison.Ordinal);
        Assert.Contains("; resolved to gao: 1,150 (audit of the port logs, #", md, StringComparison.Ordinal);
        Assert.Contains("  > Reduciremos el flujo de fentanilo. *(es)*", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Spanish_TranslatesRatingsAndLabels()
    {
        var md = MarkdownScorecard.Render(Sample, ScorecardLanguage.Spanish);

        Assert.StartsWith("# Evaluación de resultados: US-Mexico security cooperation\n", md, StringComparison.Ordinal);
        Assert.Contains("| Compromiso | Términos | Calificación | Lo que dicen los datos | Confirmación | Le falta | Motivo |", md, StringComparison.Ordinal);
        Assert.Contains("**AÚN NO EVALUADO**", md, StringComparison.Ordinal);
        Assert.Contains("Meta ILUSTRATIVA (un supuesto, no acordada)", md, StringComparison.Ordinal);
        Assert.Contains("| ene 2022 |", md, StringComparison.Ordinal);
        Assert.Contains("  > We will cut the flow of fentanyl. *(en)*", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmbedsTheSignedCheckpoint()
    {
        var md = MarkdownScorecard.Render(Sample, ScorecardLanguage.English);

        Assert.Contains("```text\n" + Sample.Checkpoint.SignedNote.TrimEnd('\n') + "\n```", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EscapesMarkdownInLoggedText()
    {
        var scorecard = Sample with { Agreement = Sample.Agreement with { Title = "a | b *c*" } };

        Assert.StartsWith("# Scorecard: a \\| b \\*c\\*\n", MarkdownScorecard.Render(scorecard, ScorecardLanguage.English), StringComparison.Ordinal);
    }
}
