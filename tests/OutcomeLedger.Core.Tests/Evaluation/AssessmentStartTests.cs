using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Evaluation;

/// <summary>
/// Issue 12, Deliver 4: the assessment window starts at the commitment, or at a later statement the agreement's policy
/// marks as resetting expectations (the 2026-01-15 joint statement does in the demo's agreement). The test ledger's
/// commitment cites its 2025-01-15 joint statement; here the commitment is a year older than that statement.
/// </summary>
public class AssessmentStartTests
{
    const string Seizures = "sw-border-fentanyl-seizures";
    static readonly StatementId Reset = new("joint-statement-2025-01-15");

    /// <summary>
    /// A commitment of 2024-01-15 with seizures at 1,000 in 2023, 1,500 in 2024 (the commitment's first year went
    /// badly) and 1,200 in 2025, after the joint statement of 2025-01-15 that restated it.
    /// </summary>
    static TestLedger Ledger()
    {
        var ledger = new TestLedger(madeOn: new DateOnly(2024, 1, 15)) { At = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero) };
        ledger.Indicator(Seizures);
        for (var i = 0; i < 36; i++)
        {
            var level = i < 12 ? 1000 : i < 24 ? 1500 : 1200;
            var month = new DateOnly(2023, 1, 1).AddMonths(i);
            var index = ledger.Measure(Seizures, Period.Month(month.Year, month.Month), level + (i % 2 == 0 ? 10 : -10));
            ledger.Attest(index, Verdict.Acknowledged, TestLedger.Mx);
        }

        return ledger;
    }

    static ScorecardSeries Series(Scorecard scorecard) => scorecard.Commitments.Single().Indicators.Single().Series.Single();

    [Fact]
    public void Evaluate_NoResetStatement_WindowStartsAtTheCommitment()
    {
        var ledger = Ledger();
        ledger.Policy(new EvaluationPolicy());

        var series = Series(ledger.Evaluate());

        Assert.Equal("commitment", series.Window!.StartsAt);
        Assert.Null(series.Window.Statement);
        Assert.Equal(new DateOnly(2024, 1, 15), series.Window.StartDate);
        Assert.Equal("2023-01", series.Window.BaselineFrom);
        Assert.Equal("2024-01", series.Window.From);
        Assert.Equal(Rating.Regressed, series.Finding);
    }

    [Fact]
    public void Evaluate_PolicyMarksACitedStatementAsReset_WindowAndBaselineStartAtTheStatement()
    {
        var ledger = Ledger();
        ledger.Policy(new EvaluationPolicy { ResetStatements = [Reset] });

        var scorecard = ledger.Evaluate();
        var series = Series(scorecard);

        Assert.Equal("statement", series.Window!.StartsAt);
        Assert.Equal(Reset.Value, series.Window.Statement);
        Assert.Equal(new DateOnly(2025, 1, 15), series.Window.StartDate);
        Assert.Equal("2024-01", series.Window.BaselineFrom);
        Assert.Equal("2024-12", series.Window.BaselineTo);
        Assert.Equal("2025-01", series.Window.From);
        Assert.Equal("2025-01", series.Statistics.Intervention);
        Assert.True(series.Statistics.ObservedChange!.Percent < -15);
        Assert.NotEqual(Rating.Regressed, series.Finding);
        Assert.Equal([Reset.Value], scorecard.Policy.ResetStatements);

        var english = MarkdownScorecard.Render(scorecard, ScorecardLanguage.English);
        Assert.Contains("from the statement of 15 Jan 2025 (joint-statement-2025-01-15), which reset expectations", english, StringComparison.Ordinal);
        Assert.Contains("- Statements that reset expectations: joint-statement-2025-01-15", english, StringComparison.Ordinal);
        var spanish = MarkdownScorecard.Render(scorecard, ScorecardLanguage.Spanish);
        Assert.Contains("(joint-statement-2025-01-15), que restableció las expectativas", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("reset expectations", spanish, StringComparison.Ordinal);
        var html = HtmlScorecard.Render(scorecard, ScorecardLanguage.English);
        Assert.Contains("which reset expectations", html, StringComparison.Ordinal);
    }

    /// <summary>A scorecard as of a date before the resetting statement cannot know of it: its window starts at the commitment.</summary>
    [Fact]
    public void Evaluate_AsOfBeforeTheResetStatement_WindowStartsAtTheCommitment()
    {
        var ledger = Ledger();
        ledger.Policy(new EvaluationPolicy { ResetStatements = [Reset] });

        var scorecard = Evaluator.Evaluate(ledger.State, TestLedger.CheckpointFor(ledger.State), TestLedger.Agreement, asOf: new DateOnly(2025, 1, 14));

        Assert.Equal("commitment", Series(scorecard).Window!.StartsAt);
        Assert.Equal("2024-01", Series(scorecard).Window!.From);
    }

    /// <summary>A statement marked as resetting expectations resets only the commitments that cite it.</summary>
    [Fact]
    public void Evaluate_ResetStatementTheCommitmentDoesNotCite_WindowStartsAtTheCommitment()
    {
        var ledger = Ledger();
        ledger.Apply(new StatementRecord
        {
            Author = TestLedger.Operator,
            RecordedAt = ledger.At,
            Id = new StatementId("other-statement"),
            Date = new DateOnly(2025, 6, 1),
            Title = "Another statement",
            Parties = [TestLedger.Us],
            StatementKind = StatementKind.PressRelease,
            SourceUrl = "https://example.org/other",
        });
        ledger.Policy(new EvaluationPolicy { ResetStatements = [new StatementId("other-statement")] });

        Assert.Equal("commitment", Series(ledger.Evaluate()).Window!.StartsAt);
    }

    [Fact]
    public void Evaluate_PolicyNamesDisputeResolvers_ScorecardPolicyShowsThem()
    {
        var ledger = Ledger();
        ledger.Policy(new EvaluationPolicy { DisputeResolvers = [TestLedger.Gao] });

        var scorecard = ledger.Evaluate();

        Assert.Equal(["gao"], scorecard.Policy.DisputeResolvers);
        Assert.Contains("\"disputeResolvers\":[\"gao\"]", System.Text.Encoding.UTF8.GetString(ScorecardJson.Serialize(scorecard)), StringComparison.Ordinal);
        Assert.Contains("- Verifiers who may decide disputes: gao", MarkdownScorecard.Render(scorecard, ScorecardLanguage.English), StringComparison.Ordinal);
        Assert.Contains("Verificadores que pueden decidir disputas", HtmlScorecard.Render(scorecard, ScorecardLanguage.Spanish), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PolicyNamesNoResolvers_PolicyBlockOmitsThem()
    {
        var ledger = Ledger();
        ledger.Policy(new EvaluationPolicy());

        var scorecard = ledger.Evaluate();

        Assert.Null(scorecard.Policy.DisputeResolvers);
        Assert.DoesNotContain("disputeResolvers", System.Text.Encoding.UTF8.GetString(ScorecardJson.Serialize(scorecard)), StringComparison.Ordinal);
    }
}
