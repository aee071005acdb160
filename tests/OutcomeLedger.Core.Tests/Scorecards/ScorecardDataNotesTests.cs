using System.Text;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Import.Quality;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Tests.Evaluation;
using OutcomeLedger.Core.Tests.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Scorecards;

/// <summary>
/// Issue 13, Deliver 8 and 3: the scorecard's data notes (gaps, outliers, a running total that fell) and how each value
/// was confirmed, in the JSON model and every rendering in both languages; a logged policy that does not ask for them
/// (as every policy logged before they existed) keeps its scorecards as they were.
/// </summary>
public class ScorecardDataNotesTests
{
    const string ReDerived = "verified: re-derived from cbp.csv sha256:0123abcd line 7 (https://example.org/cbp)";

    /// <summary>Six months of 2025 with May missing and a wild June; Jan–Feb verified from the CBP file, March acknowledged by mx.</summary>
    static TestLedger Ledger(EvaluationPolicy? policy = null, Aggregation aggregation = Aggregation.Sum, decimal[]? values = null)
    {
        var ledger = new TestLedger();
        if (policy is not null)
        {
            ledger.Policy(policy);
        }

        ledger.Indicator("seizures", aggregation: aggregation);
        values ??= [100, 104, 98, 101, 0, 900];
        var entries = new List<ulong>();
        for (var m = 1; m <= 6; m++)
        {
            if (m != 5)
            {
                entries.Add(ledger.Measure("seizures", Period.Month(2025, m), values[m - 1]));
            }
        }

        ledger.Attest(entries[0], Verdict.Verified, reason: ReDerived);
        ledger.Attest(entries[1], Verdict.Verified, reason: ReDerived);
        ledger.Attest(entries[2], Verdict.Acknowledged);
        return ledger;
    }

    static ScorecardIndicator Indicator(Scorecard scorecard) => scorecard.Commitments.Single().Indicators.Single();

    [Fact]
    public void Evaluate_DefaultPolicy_NotesTheGapAndTheOutlierWithTheirEntries()
    {
        var scorecard = Ledger().Evaluate();

        var notes = Indicator(scorecard).DataNotes!;
        Assert.Equal([(DataNoteCode.Gap, "2025-05", "2025-05"), (DataNoteCode.Outlier, "2025-06", "2025-06")],
            notes.Select(n => (n.Code, n.Period, n.Code == DataNoteCode.Gap ? n.Through : n.Period)));
        Assert.Equal(OutlierReference.WholeSeries, notes[1].Reference);
        Assert.Equal(900m, notes[1].Value);
        Assert.Equal(notes[0].Entry, notes[1].Entry);
        Assert.NotNull(notes[1].Entry);
    }

    [Fact]
    public void Evaluate_ConfirmationSources_SayHowEachValueWasConfirmed()
    {
        var sources = Indicator(Ledger().Evaluate()).Confirmation!.Sources!;

        Assert.Equal(
            [(VerificationStatus.Verified, "gao", "cbp.csv", 2), (VerificationStatus.Acknowledged, "mx", null, 1), (VerificationStatus.SelfReported, null, null, 2)],
            sources.Select(s => (s.Status, s.Party, s.File, s.Values)));
    }

    [Fact]
    public void Evaluate_LoggedPolicyWithoutDataNotes_CarriesNeitherNotesNorSources()
    {
        var scorecard = Ledger(new EvaluationPolicy()).Evaluate();
        var indicator = Indicator(scorecard);

        Assert.Null(indicator.DataNotes);
        Assert.Null(indicator.Confirmation!.Sources);
        Assert.All(indicator.Series, s => Assert.Null(s.Confirmation!.Sources));
        Assert.Null(scorecard.Commitments.Single().Confirmation!.Sources);
        Assert.Null(scorecard.Policy.DataNotes);
        var json = Encoding.UTF8.GetString(ScorecardJson.Serialize(scorecard));
        Assert.DoesNotContain("dataNotes", json, StringComparison.Ordinal);
        Assert.DoesNotContain("sources", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LoggedPolicyAskingForDataNotes_CarriesThem()
    {
        var scorecard = Ledger(new EvaluationPolicy { DataNotes = true }).Evaluate();

        Assert.Equal(2, Indicator(scorecard).DataNotes!.Count);
        Assert.True(scorecard.Policy.DataNotes);
        var json = Encoding.UTF8.GetString(ScorecardJson.Serialize(scorecard));
        Assert.Contains("\"code\":\"running-total-fell\"", Encoding.UTF8.GetString(ScorecardJson.Serialize(
            Ledger(new EvaluationPolicy { DataNotes = true }, Aggregation.Last, [100, 150, 140, 160, 0, 170]).Evaluate())), StringComparison.Ordinal);
        Assert.Contains("\"reference\":\"whole-series\"", json, StringComparison.Ordinal);
        Assert.Equal(2, Indicator(ScorecardJson.Deserialize(ScorecardJson.Serialize(scorecard))).DataNotes!.Count);
    }

    [Fact]
    public void Evaluate_RunningTotalThatFell_IsNotedNotScoredForOutliers()
    {
        var notes = Indicator(Ledger(aggregation: Aggregation.Last, values: [100, 150, 140, 160, 0, 170]).Evaluate()).DataNotes!;

        Assert.Equal([DataNoteCode.RunningTotalFell, DataNoteCode.Gap], notes.Select(n => n.Code));
        Assert.Equal((150m, "2025-02", 140m), (notes[0].Previous!.Value, notes[0].PreviousPeriod, notes[0].Value!.Value));
    }

    [Fact]
    public void Markdown_English_ShowsTheNotesAndTheSources()
    {
        var md = MarkdownScorecard.Render(Ledger().Evaluate(), ScorecardLanguage.English);

        Assert.Contains("- **Data notes:** Prompts to check the source, not verdicts", md, StringComparison.Ordinal);
        Assert.Contains("  - no value for May 2025, between values that are logged: a gap is not a zero", md, StringComparison.Ordinal);
        Assert.Contains("  - Jun 2025: 900 is far from the series' 4 other values (its month has fewer than 4 others to compare with) (median 100.5; robust z-score", md, StringComparison.Ordinal);
        Assert.Contains("- How confirmed: 2 values re-derived from cbp.csv by gao; 1 value acknowledged by mx; 2 values unconfirmed (self-reported)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_English_ShowsTheNotesAndTheSources()
    {
        var html = HtmlScorecard.Render(Ledger().Evaluate(), ScorecardLanguage.English);

        Assert.Contains("<div class=\"note data-notes\"><strong>Data notes:</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>no value for May 2025, between values that are logged: a gap is not a zero</li>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>How confirmed</dt><dd>2 values re-derived from cbp.csv by gao; 1 value acknowledged by mx; 2 values unconfirmed (self-reported)</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Spanish_NotesAndSources_CarryNoEnglish()
    {
        var scorecard = Ledger(new EvaluationPolicy { DataNotes = true }).Evaluate();
        var running = Ledger(new EvaluationPolicy { DataNotes = true }, Aggregation.Last, [100, 150, 140, 160, 0, 170]).Evaluate();

        foreach (var card in new[] { scorecard, running })
        {
            var md = MarkdownScorecard.Render(card, ScorecardLanguage.Spanish);
            var lines = string.Join('\n', md.Split('\n').Where(l => l.Contains("Notas sobre los datos", StringComparison.Ordinal) || l.StartsWith("  - ", StringComparison.Ordinal) || l.Contains("Cómo se confirmó", StringComparison.Ordinal)));
            Assert.NotEmpty(lines);
            Assert.Empty(EnglishLeaks.InText(lines, ["cbp.csv", "gao", "mx"]));
        }

        var es = MarkdownScorecard.Render(scorecard, ScorecardLanguage.Spanish);
        Assert.Contains("2 valores recalculados a partir de cbp.csv por gao; 1 valor reconocido por mx; 2 valores sin confirmar (autodeclarados)", es, StringComparison.Ordinal);
        Assert.Contains("sin valor para may 2025", es, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("la cifra acumulada bajó de 150", MarkdownScorecard.Render(running, ScorecardLanguage.Spanish), StringComparison.Ordinal);
    }
}
