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

    [Theory]
    [InlineData(VerificationStatus.SelfReported, "self-reported")]
    [InlineData(VerificationStatus.VerificationFailed, "verification-failed")]
    [InlineData(VerificationStatus.Resolved, "resolved")]
    public void PolicyName_IsTheNameThePolicyLists(VerificationStatus status, string name) =>
        Assert.Equal(name, MeasurementVerification.PolicyName(status));
}
