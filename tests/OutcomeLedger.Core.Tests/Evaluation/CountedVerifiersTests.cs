using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Evaluation;

/// <summary>
/// Issue 13, Deliver 3: the policy names which verifiers' confirmations count. A check by a verifier the policy does
/// not name (for example one it named before, or one registered later) does not confirm a value.
/// </summary>
public class CountedVerifiersTests
{
    const string Seizures = "sw-border-fentanyl-seizures";
    static readonly PartyId Ca = new("ca");

    /// <summary>Two years of seizures around the commitment of 2025-01-15, every value verified by gao.</summary>
    static TestLedger Ledger()
    {
        var ledger = new TestLedger { At = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero) };
        ledger.Apply(new PartyRecord { Author = TestLedger.Operator, RecordedAt = ledger.At, Id = Ca, Name = "Another audit office", Role = PartyRole.Verifier });
        ledger.Indicator(Seizures);
        for (var i = 0; i < 24; i++)
        {
            var month = new DateOnly(2024, 1, 1).AddMonths(i);
            var index = ledger.Measure(Seizures, Period.Month(month.Year, month.Month), 1000 - (i >= 12 ? 400 : 0) + (i % 2 == 0 ? 10 : -10));
            ledger.Attest(index, Verdict.Verified, TestLedger.Gao);
        }

        return ledger;
    }

    static ScorecardConfirmation Confirmation(Scorecard scorecard) => scorecard.Commitments.Single().Confirmation!;

    [Fact]
    public void Evaluate_PolicyNamesNoVerifiers_EveryVerifiersCheckCounts()
    {
        var ledger = Ledger();
        ledger.Policy(new EvaluationPolicy());

        var scorecard = ledger.Evaluate();

        Assert.Equal(Confirmation(scorecard).Values, Confirmation(scorecard).Confirmed);
        Assert.Null(scorecard.Policy.Verifiers);
        Assert.DoesNotContain("\"verifiers\"", System.Text.Encoding.UTF8.GetString(ScorecardJson.Serialize(scorecard)), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PolicyNamesAnotherVerifier_ItsChecksAloneCount()
    {
        var ledger = Ledger();
        ledger.Policy(new EvaluationPolicy { Verifiers = [Ca] });

        var scorecard = ledger.Evaluate();

        Assert.Equal(0, Confirmation(scorecard).Confirmed);
        Assert.Equal(Rating.Unverifiable, scorecard.Commitments.Single().Rating);
        Assert.Equal(["ca"], scorecard.Policy.Verifiers);
        Assert.Contains("\"verifiers\":[\"ca\"]", System.Text.Encoding.UTF8.GetString(ScorecardJson.Serialize(scorecard)), StringComparison.Ordinal);
        Assert.Contains("- Verifiers whose checks count: ca", MarkdownScorecard.Render(scorecard, ScorecardLanguage.English), StringComparison.Ordinal);
        Assert.Contains("Verificadores cuyas comprobaciones cuentan", HtmlScorecard.Render(scorecard, ScorecardLanguage.Spanish), StringComparison.Ordinal);
    }

    [Fact]
    public void MeasurementVerification_VerifierNotCounted_FallsBackToWhatElseConfirmsIt()
    {
        var ledger = Ledger();
        var value = ledger.State.Measurements.Values.First();
        var policy = new EvaluationPolicy { Verifiers = [Ca] };

        Assert.Equal(VerificationStatus.Verified, MeasurementVerification.Of(value).Status);
        Assert.Equal(VerificationStatus.SelfReported, MeasurementVerification.Of(value, policy).Status);
        ledger.Attest(value.Index, Verdict.Acknowledged, TestLedger.Mx);
        Assert.Equal(VerificationStatus.Acknowledged, MeasurementVerification.Of(ledger.State.Measurements[value.Index], policy).Status);
    }
}
