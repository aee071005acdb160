using OutcomeLedger.Core.Ledger;
using static OutcomeLedger.Core.Tests.Ledger.Kinds.Signer;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

public sealed class AttestationRecordKindTests : IDisposable
{
    /// <summary>The log index of us's January value of the fixture's indicator, the one every row attests to.</summary>
    const ulong Value = 8;

    readonly RuleLedger _ledger = new();

    static readonly PartyId MxId = LedgerFixture.MxId;
    static readonly PartyId GaoId = LedgerFixture.VerifierId;
    static readonly PartyId OperatorId = LedgerFixture.OperatorId;
    static readonly string Hash = new('e', 64);

    /// <summary>'mx', the counterparty, acknowledges us's value.</summary>
    internal static RuleTable<AttestationRecord> Rules { get; } = new RuleTable<AttestationRecord>(
        "attestation",
        new AttestationRecord { Author = MxId, RecordedAt = LedgerFixture.At, Measurement = Value, Verdict = Verdict.Acknowledged },
        Mx)
    {
        { "acknowledged by a verifier", r => r with { Author = GaoId }, Gao },
        { "acknowledged with a reason and evidence", r => r with { Reason = "matches our records", Evidence = [.. Enumerable.Repeat(Hash, 16)] }, Mx },
        { "disputed by the counterparty", r => r with { Verdict = Verdict.Disputed, Figure = 790m, Reason = "double counted" }, Mx },
        { "disputed by a verifier", r => r with { Author = GaoId, Verdict = Verdict.Disputed, Figure = 0m, Reason = "no such seizure" }, Gao },
        { "verified by a verifier", r => r with { Author = GaoId, Verdict = Verdict.Verified }, Gao },
        { "verification failed, by a verifier", r => r with { Author = GaoId, Verdict = Verdict.VerificationFailed, Reason = "source file differs" }, Gao },
        { "resolved by a verifier", Dispute, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" }, Gao },
        { "resolved by the operator", Dispute, r => r with { Author = OperatorId, Verdict = Verdict.Resolved, Figure = 812.5m, Reason = "agreed in committee" }, Operator },
        { "acknowledged after its own dispute", Dispute, r => r, Mx },
        { "measurement a party record", r => r with { Measurement = 3 }, Mx, "measurement", "entry 3 is not a measurement" },
        { "measurement beyond the log", r => r with { Measurement = 99 }, Mx, "measurement", "entry 99 is not a measurement" },
        { "acknowledged by its reporter", r => r with { Author = LedgerFixture.UsId }, Us, "author", "party 'us' reported entry 8 and cannot attest to its own measurement" },
        { "disputed by its reporter", r => r with { Author = LedgerFixture.UsId, Verdict = Verdict.Disputed, Figure = 1m, Reason = "typo" }, Us, "author", "cannot attest to its own measurement" },
        { "acknowledged by the operator", r => r with { Author = OperatorId }, Operator, "verdict", "acknowledgement comes from a party or a verifier, not the operator" },
        { "disputed by the operator", r => r with { Author = OperatorId, Verdict = Verdict.Disputed, Figure = 790m, Reason = "double counted" }, Operator, "verdict", "a dispute comes from a party or a verifier, not the operator" },
        { "disputed without a figure", r => r with { Verdict = Verdict.Disputed, Reason = "double counted" }, Mx, "figure", "a dispute states the attester's own figure" },
        { "disputed without a reason", r => r with { Verdict = Verdict.Disputed, Figure = 790m }, Mx, "reason", "this verdict states its reason" },
        { "disputed with a blank reason", r => r with { Verdict = Verdict.Disputed, Figure = 790m, Reason = " " }, Mx, "reason", "this verdict states its reason" },
        { "verified by a party", r => r with { Verdict = Verdict.Verified }, Mx, "verdict", "only an independent verifier can record 'verified'; party 'mx' is a party" },
        { "verified by the operator", r => r with { Author = OperatorId, Verdict = Verdict.Verified }, Operator, "verdict", "only an independent verifier can record 'verified'; party 'operator'" },
        { "verification failed, by a party", r => r with { Verdict = Verdict.VerificationFailed, Reason = "source file differs" }, Mx, "verdict", "only an independent verifier can record 'verification-failed'; party 'mx' is a party" },
        { "verification failed without a reason", r => r with { Author = GaoId, Verdict = Verdict.VerificationFailed }, Gao, "reason", "this verdict states its reason" },
        { "resolved by a party", Dispute, r => r with { Verdict = Verdict.Resolved, Figure = 800m, Reason = "we agree" }, Mx, "verdict", "a dispute is resolved by a verifier or the operator, not by one of the parties" },
        { "resolved without a figure", Dispute, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Reason = "audit" }, Gao, "figure", "a resolution states the figure that stands" },
        { "resolved without a reason", Dispute, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = 800m }, Gao, "reason", "this verdict states its reason" },
        { "resolved when undisputed", r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" }, Gao, "verdict", "entry 8 is not disputed" },
        { "resolved when only acknowledged", Acknowledge, r => r with { Author = OperatorId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" }, Operator, "verdict", "entry 8 is not disputed" },
        { "resolved when only failed verification", FailVerification, r => r with { Author = OperatorId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" }, Operator, "verdict", "entry 8 is not disputed" },
        { "reason empty", r => r with { Reason = "" }, Mx, "reason", "is empty" },
        { "reason of 4001 characters", r => r with { Reason = new string('r', 4001) }, Mx, "reason", "is 4001 characters; at most 4000" },
        { "reason with a tab", r => r with { Verdict = Verdict.Disputed, Figure = 790m, Reason = "double\tcounted" }, Mx, "reason", "holds control characters" },
        { "seventeen evidence files", r => r with { Evidence = [.. Enumerable.Repeat(Hash, 17)] }, Mx, "evidence", "at most 16 evidence files" },
        { "evidence not a hash", r => r with { Evidence = ["E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"] }, Mx, "evidence[0]", "is not a SHA-256 in lowercase hex" },
    }.WithSignatureRules();

    /// <summary>The fixture, then us's January value as entry 8.</summary>
    public AttestationRecordKindTests() => Assert.Equal(Value, _ledger.Log(LedgerFixture.Measurement(), Us));

    public void Dispose() => _ledger.Dispose();

    public static TheoryData<string> Accepted() => Rules.AcceptedNames();

    public static TheoryData<string> Refused() => Rules.RefusedNames();

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_Variant_IsAccepted(string row) => _ledger.Verify(Rules[row]);

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_Variant_IsRefusedNamingItsField(string row) => _ledger.Verify(Rules[row]);

    static void Acknowledge(RuleLedger ledger) => Attest(ledger, MxId, Verdict.Acknowledged, null, null, Mx);

    static void Dispute(RuleLedger ledger) => Attest(ledger, MxId, Verdict.Disputed, 790m, "double counted", Mx);

    static void FailVerification(RuleLedger ledger) => Attest(ledger, GaoId, Verdict.VerificationFailed, null, "source file differs", Gao);

    static void Attest(RuleLedger ledger, PartyId author, Verdict verdict, decimal? figure, string? reason, Signer by) =>
        ledger.Log(new AttestationRecord { Author = author, RecordedAt = LedgerFixture.At, Measurement = Value, Verdict = verdict, Figure = figure, Reason = reason }, by);
}
