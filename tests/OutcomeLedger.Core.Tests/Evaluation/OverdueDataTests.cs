using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Evaluation;

/// <summary>
/// Issue 12, Deliver 5 and 7: figures from a series whose next value is overdue are never presented as current. The
/// fixture's scorecard said "latest 37,705" and "expected by Mar 2026" as of 3 Dec 2026, from values that ended in
/// January 2026 and November 2025. A value is due the indicator's release lag (<see cref="ReleaseLag.Default"/>, four
/// months, when it declares none) after its period ends; after that, the reason says the figures are not current and the needs say what is missing since when.
/// </summary>
public class OverdueDataTests
{
    const string Seizures = "sw-border-fentanyl-seizures";

    static TestLedger Ledger(DateOnly commitment, Period from, int months, DateTimeOffset asOf)
    {
        var ledger = new TestLedger(madeOn: commitment) { At = asOf };
        ledger.Indicator(Seizures);
        for (var i = 0; i < months; i++)
        {
            var month = from.Start.AddMonths(i);
            var value = month < commitment ? 1000 : 700;
            var index = ledger.Measure(Seizures, Period.Month(month.Year, month.Month), value + (i % 2 == 0 ? 10 : -10));
            ledger.Attest(index, OutcomeLedger.Core.Ledger.Verdict.Acknowledged, TestLedger.Mx);
        }

        return ledger;
    }

    static ScorecardIndicator Only(Scorecard scorecard) => scorecard.Commitments.Single().Indicators.Single();

    [Fact]
    public void Evaluate_LatestValueLongBeforeAsOf_ReasonAndNeedsSayItIsNotCurrent()
    {
        var ledger = Ledger(new DateOnly(2025, 1, 15), Period.Month(2024, 1), 24, new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));

        var scorecard = ledger.Evaluate();
        var indicator = Only(scorecard);

        Assert.Equal("2025-12", indicator.Reason.LatestValue);
        Assert.Equal("2026-05", indicator.Reason.DueBy);
        Assert.EndsWith("(not current: the latest value is for Dec 2025, and the next was due by May 2026)", indicator.Reason.Text, StringComparison.Ordinal);
        var need = Assert.Single(indicator.Needs!, n => n.Code == NeedCode.CurrentData);
        Assert.Equal("2025-12", need.From);
        Assert.Equal("2026-05", need.ExpectedBy);
        Assert.Contains(scorecard.Commitments.Single().Needs!, n => n.Code == NeedCode.CurrentData);

        var english = MarkdownScorecard.Render(scorecard, ScorecardLanguage.English);
        Assert.Contains("needs current data: nothing logged after Dec 2025, though the next value was due by May 2026", english, StringComparison.Ordinal);
        var spanish = MarkdownScorecard.Render(scorecard, ScorecardLanguage.Spanish);
        Assert.Contains("necesita datos actuales: nada registrado después de", spanish, StringComparison.Ordinal);
        Assert.Contains("(no actuales: el último valor es de", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("not current", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NextValueNotYetDue_NothingSaidAboutCurrency()
    {
        // The last value is for Dec 2025; Jan 2026's is due by the end of May 2026.
        var ledger = Ledger(new DateOnly(2025, 1, 15), Period.Month(2024, 1), 24, new DateTimeOffset(2026, 5, 31, 0, 0, 0, TimeSpan.Zero));

        var indicator = Only(ledger.Evaluate());

        Assert.Null(indicator.Reason.LatestValue);
        Assert.DoesNotContain(indicator.Needs!, n => n.Code == NeedCode.CurrentData);
        Assert.DoesNotContain("not current", indicator.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TooEarlyWithTheExpectedDatePassed_SaysTheDataIsStillMissing()
    {
        // Three values after a commitment of Sep 2025; three more were expected by Feb 2026 (due by the end of June).
        var ledger = Ledger(new DateOnly(2025, 9, 3), Period.Month(2024, 9), 15, new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));

        var indicator = Only(ledger.Evaluate());

        var more = Assert.Single(indicator.Needs!, n => n.Code == NeedCode.MoreData);
        Assert.Equal("2026-02", more.ExpectedBy);
        Assert.True(more.Overdue);
        Assert.Contains("needs 3 more months of data, expected by Feb 2026 and still missing", TextCatalogue.English.Need(more), StringComparison.Ordinal);
        Assert.Contains(indicator.Needs!, n => n.Code == NeedCode.CurrentData && n.From == "2025-11");
    }

    [Fact]
    public void Evaluate_TooEarlyAndNotYetDue_MoreDataIsNotOverdue()
    {
        var ledger = Ledger(new DateOnly(2025, 9, 3), Period.Month(2024, 9), 15, new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero));

        var more = Assert.Single(Only(ledger.Evaluate()).Needs!, n => n.Code == NeedCode.MoreData);

        Assert.Null(more.Overdue);
        Assert.Contains("expected by Feb 2026", TextCatalogue.English.Need(more), StringComparison.Ordinal);
        Assert.DoesNotContain("still missing", TextCatalogue.English.Need(more), StringComparison.Ordinal);
    }
}
