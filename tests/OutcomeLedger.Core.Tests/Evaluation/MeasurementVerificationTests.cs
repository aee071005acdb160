using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Evaluation;

public class MeasurementVerificationTests
{
    const string Seizures = "sw-border-fentanyl-seizures";

    static (TestLedger Ledger, ulong Index) OneValue()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        return (ledger, ledger.Measure(Seizures, Period.Month(2025, 3), 1200m));
    }

    static MeasurementVerification Of((TestLedger Ledger, ulong Index) value) => MeasurementVerification.Of(value.Ledger.State.Measurements[value.Index]);

    [Fact]
    public void Of_NoAttestation_IsSelfReported()
    {
        var value = OneValue();

        var verification = Of(value);

        Assert.Equal(VerificationStatus.SelfReported, verification.Status);
        Assert.False(verification.IsConfirmed);
        Assert.Equal(1200m, verification.Stands);
    }

    [Fact]
    public void Of_CounterpartyAcknowledgement_IsAcknowledged()
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.Acknowledged);

        Assert.Equal(VerificationStatus.Acknowledged, Of(value).Status);
        Assert.True(Of(value).IsConfirmed);
    }

    [Fact]
    public void Of_Dispute_KeepsTheReportedFigureStanding()
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.Disputed, figure: 900m);

        var verification = Of(value);

        Assert.Equal(VerificationStatus.Disputed, verification.Status);
        Assert.Equal(1200m, verification.Stands);
        Assert.False(verification.IsConfirmed);
    }

    [Fact]
    public void Of_DisputeWithdrawnByTheSameParty_IsAcknowledged()
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.Disputed, figure: 900m);
        value.Ledger.Attest(value.Index, Verdict.Acknowledged);

        Assert.Equal(VerificationStatus.Acknowledged, Of(value).Status);
    }

    [Fact]
    public void Of_AcknowledgementByOneAndDisputeByAnother_IsDisputed()
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.Disputed, TestLedger.Gao, figure: 900m);
        value.Ledger.Attest(value.Index, Verdict.Acknowledged, TestLedger.Mx);

        Assert.Equal(VerificationStatus.Disputed, Of(value).Status);
    }

    [Theory]
    [InlineData(Verdict.Verified, VerificationStatus.Verified)]
    [InlineData(Verdict.VerificationFailed, VerificationStatus.VerificationFailed)]
    public void Of_VerifierVerdict_OverridesTheCounterparty(Verdict verdict, VerificationStatus expected)
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.Acknowledged);
        value.Ledger.Attest(value.Index, verdict);

        Assert.Equal(expected, Of(value).Status);
    }

    [Fact]
    public void Of_LatestVerifierVerdict_Wins()
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.VerificationFailed);
        value.Ledger.Attest(value.Index, Verdict.Verified);

        Assert.Equal(VerificationStatus.Verified, Of(value).Status);
    }

    [Fact]
    public void Of_Resolution_MakesItsFigureStand()
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.Disputed, figure: 900m);
        value.Ledger.Attest(value.Index, Verdict.Resolved, figure: 1000m);

        var verification = Of(value);

        Assert.Equal(VerificationStatus.Resolved, verification.Status);
        Assert.Equal(1200m, verification.Reported);
        Assert.Equal(1000m, verification.Stands);
        Assert.True(verification.IsConfirmed);
    }

    // Issue 12, Why 1: the reporter "corrected" a disputed value (with the same figure) and the dispute vanished.
    [Fact]
    public void Of_CorrectionOfADisputedValue_InheritsTheOpenDispute()
    {
        var value = OneValue();
        var dispute = value.Ledger.Attest(value.Index, Verdict.Disputed, figure: 650m);
        var correction = value.Ledger.Measure(Seizures, Period.Month(2025, 3), 1200m, supersedes: value.Index);

        var verification = MeasurementVerification.Of(value.Ledger.State.Measurements[correction]);

        Assert.Equal(VerificationStatus.Disputed, verification.Status);
        Assert.Equal(1200m, verification.Stands);
        var open = Assert.Single(verification.OpenDisputes);
        Assert.Equal((dispute, 650m), (open.Index, open.Record.Figure));
        Assert.Equal([ValueEventKind.Reported, ValueEventKind.Disputed, ValueEventKind.Corrected], verification.History.Select(e => e.Kind));
    }

    [Fact]
    public void Of_DisputerAcknowledgesTheCorrection_EndsTheDispute()
    {
        var value = OneValue();
        var dispute = value.Ledger.Attest(value.Index, Verdict.Disputed, figure: 650m);
        var correction = value.Ledger.Measure(Seizures, Period.Month(2025, 3), 650m, supersedes: value.Index);
        value.Ledger.Attest(correction, Verdict.Acknowledged);

        var verification = MeasurementVerification.Of(value.Ledger.State.Measurements[correction]);

        Assert.Equal(VerificationStatus.Acknowledged, verification.Status);
        Assert.Empty(verification.OpenDisputes);
        Assert.Equal([dispute], verification.History[^1].Ends);
    }

    [Fact]
    public void Of_DisputeWithdrawn_IsSelfReportedAgain()
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.Disputed, figure: 650m);
        value.Ledger.Attest(value.Index, Verdict.Withdrawn);

        var verification = Of(value);

        Assert.Equal(VerificationStatus.SelfReported, verification.Status);
        Assert.Empty(verification.OpenDisputes);
        Assert.Equal(ValueEventKind.Withdrawn, verification.History[^1].Kind);
    }

    [Fact]
    public void Of_ResolutionProposedByOneSide_StaysDisputedUntilTheOtherAgrees()
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.Disputed, figure: 650m);
        value.Ledger.Attest(value.Index, Verdict.Resolved, TestLedger.Mx, figure: 900m);

        Assert.Equal(VerificationStatus.Disputed, Of(value).Status);
        Assert.Equal(ValueEventKind.ResolutionProposed, Of(value).History[^1].Kind);

        value.Ledger.Attest(value.Index, Verdict.Resolved, TestLedger.Us, figure: 900m);

        Assert.Equal((VerificationStatus.Resolved, 900m), (Of(value).Status, Of(value).Stands));
        Assert.Equal(ValueEventKind.Resolved, Of(value).History[^1].Kind);
    }

    [Fact]
    public void Of_ReportersProposalOfAnotherFigure_DoesNotSettle()
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.Disputed, figure: 650m);
        value.Ledger.Attest(value.Index, Verdict.Resolved, TestLedger.Mx, figure: 900m);
        value.Ledger.Attest(value.Index, Verdict.Resolved, TestLedger.Us, figure: 1100m);

        Assert.Equal(VerificationStatus.Disputed, Of(value).Status);
    }

    [Fact]
    public void Of_VerifiedWhileDisputed_StaysDisputed()
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.Disputed, figure: 650m);
        value.Ledger.Attest(value.Index, Verdict.Verified);

        Assert.Equal(VerificationStatus.Disputed, Of(value).Status);
    }

    [Fact]
    public void Of_CorrectionAfterAResolution_IsANewSelfReportedValue()
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.Disputed, figure: 650m);
        value.Ledger.Attest(value.Index, Verdict.Resolved, figure: 1000m);
        var correction = value.Ledger.Measure(Seizures, Period.Month(2025, 3), 1200m, supersedes: value.Index);

        var verification = MeasurementVerification.Of(value.Ledger.State.Measurements[correction]);

        Assert.Equal((VerificationStatus.SelfReported, 1200m), (verification.Status, verification.Stands));
        Assert.Equal(
            [ValueEventKind.Reported, ValueEventKind.Disputed, ValueEventKind.Resolved, ValueEventKind.Corrected],
            verification.History.Select(e => e.Kind));
    }

    [Fact]
    public void Of_AcknowledgementOfTheCorrectedValue_DoesNotConfirmTheCorrection()
    {
        var value = OneValue();
        value.Ledger.Attest(value.Index, Verdict.Acknowledged);
        var correction = value.Ledger.Measure(Seizures, Period.Month(2025, 3), 1300m, supersedes: value.Index);

        Assert.Equal(VerificationStatus.SelfReported, MeasurementVerification.Of(value.Ledger.State.Measurements[correction]).Status);
    }

    [Theory]
    [InlineData(VerificationStatus.SelfReported, "self-reported")]
    [InlineData(VerificationStatus.VerificationFailed, "verification-failed")]
    [InlineData(VerificationStatus.Resolved, "resolved")]
    public void PolicyName_IsTheNameThePolicyLists(VerificationStatus status, string name) =>
        Assert.Equal(name, MeasurementVerification.PolicyName(status));
}
