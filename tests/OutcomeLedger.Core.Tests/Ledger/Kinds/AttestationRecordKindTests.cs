using OutcomeLedger.Core.Ledger;
using static OutcomeLedger.Core.Tests.Ledger.Kinds.Signer;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

public sealed class AttestationRecordKindTests : IDisposable
{
    /// <summary>The log index of us's January value of the fixture's indicator, the one every row attests to.</summary>
    const ulong Value = 8;

    /// <summary>The log index of us's correction of the value when it follows the value's dispute (entry 9).</summary>
    const ulong Correction = 10;

    readonly RuleLedger _ledger = new();

    static readonly PartyId MxId = LedgerFixture.MxId;
    static readonly PartyId UsId = LedgerFixture.UsId;
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
        { "verified by a verifier the policy counts", l => NameVerifiers(l, GaoId), r => r with { Author = GaoId, Verdict = Verdict.Verified }, Gao },
        { "verification failed, by a verifier", r => r with { Author = GaoId, Verdict = Verdict.VerificationFailed, Reason = "source file differs" }, Gao },
        { "resolved by a verifier", Dispute, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" }, Gao },
        { "resolution proposed by the disputer", Dispute, r => r with { Verdict = Verdict.Resolved, Figure = 800m, Reason = "we would accept 800" }, Mx },
        { "resolution proposed by the reporter", Dispute, r => r with { Author = UsId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "we would accept 800" }, Us },
        { "resolution agreed by the reporter", l => { Dispute(l); Propose(l, MxId, 800m, Mx); }, r => r with { Author = UsId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "agreed" }, Us },
        { "resolved by the verifier the policy names", l => { NameResolvers(l, GaoId); Dispute(l); }, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" }, Gao },
        { "resolved on a correction that inherited the dispute", l => { Dispute(l); Correct(l); }, r => r with { Author = GaoId, Measurement = Correction, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" }, Gao },
        { "withdrawn by the disputer", Dispute, r => r with { Verdict = Verdict.Withdrawn }, Mx },
        { "withdrawn by the disputer, with a reason", Dispute, r => r with { Verdict = Verdict.Withdrawn, Reason = "our count was wrong" }, Mx },
        { "withdrawn by the disputer after a correction", l => { Dispute(l); Correct(l); }, r => r with { Measurement = Correction, Verdict = Verdict.Withdrawn }, Mx },
        { "correction acknowledged by the disputer", l => { Dispute(l); Correct(l); }, r => r with { Measurement = Correction }, Mx },
        { "disputed again after a withdrawal", l => { Dispute(l); Attest(l, MxId, Verdict.Withdrawn, null, null, Mx); }, r => r with { Verdict = Verdict.Disputed, Figure = 780m, Reason = "a second look" }, Mx },
        { "a correction of a resolved value disputed", l => { Dispute(l); Resolve(l); Correct(l); }, r => r with { Measurement = Correction + 1, Verdict = Verdict.Disputed, Figure = 780m, Reason = "the correction is off" }, Mx },
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
        { "verified by a verifier the policy does not count", l => { RegisterCaAsVerifier(l); NameVerifiers(l, new("ca")); }, r => r with { Author = GaoId, Verdict = Verdict.Verified }, Gao, "author", "verifier 'gao' is not one of the verifiers whose checks the policy counts ('ca')" },
        { "verification failed, by a verifier the policy does not count", l => { RegisterCaAsVerifier(l); NameVerifiers(l, new("ca")); }, r => r with { Author = GaoId, Verdict = Verdict.VerificationFailed, Reason = "differs" }, Gao, "author", "is not one of the verifiers whose checks the policy counts" },
        { "verification failed without a reason", r => r with { Author = GaoId, Verdict = Verdict.VerificationFailed }, Gao, "reason", "this verdict states its reason" },
        { "resolved by the operator", Dispute, r => r with { Author = OperatorId, Verdict = Verdict.Resolved, Figure = 812.5m, Reason = "agreed in committee" }, Operator, "verdict", "not by the operator" },
        { "resolved by a party outside the dispute", l => { l.RegisterCa(); Dispute(l); }, r => r with { Author = new("ca"), Verdict = Verdict.Resolved, Figure = 800m, Reason = "we know" }, Signer.Ca, "verdict", "party 'ca' is not a side of the dispute on entry 8's value (party 'us' reported it; party 'mx''s (entry 10))" },
        { "resolved by a verifier the policy does not name", l => { RegisterCaAsVerifier(l); NameResolvers(l, new("ca")); Dispute(l); }, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" }, Gao, "verdict", "verifier 'gao' is not named by the policy to decide disputes (it names 'ca')" },
        { "resolved twice", l => { Dispute(l); Resolve(l); }, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = 790m, Reason = "second audit" }, Gao, "verdict", "the dispute on entry 8's value was already resolved by entry 10; a resolved dispute is not resolved again" },
        { "resolved twice, by both sides after a verifier", l => { Dispute(l); Resolve(l); }, r => r with { Author = UsId, Verdict = Verdict.Resolved, Figure = 812.5m, Reason = "ours stands" }, Us, "verdict", "already resolved by entry 10" },
        { "resolved with a negative figure", Dispute, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = -1m, Reason = "audit" }, Gao, "figure", "an amount cannot be negative" },
        { "disputed with a negative figure", r => r with { Verdict = Verdict.Disputed, Figure = -790m, Reason = "double counted" }, Mx, "figure", "an amount cannot be negative" },
        { "disputed again after a resolution", l => { Dispute(l); Resolve(l); }, r => r with { Verdict = Verdict.Disputed, Figure = 780m, Reason = "still wrong" }, Mx, "verdict", "was resolved by entry 10; a resolved value is not disputed again" },
        { "withdrawn by another party than the disputer", Dispute, r => r with { Author = GaoId, Verdict = Verdict.Withdrawn }, Gao, "verdict", "only the disputer withdraws a dispute: the open dispute on entry 8's value is party 'mx''s (entry 9), not party 'gao''s" },
        { "withdrawn by the reporter", Dispute, r => r with { Author = UsId, Verdict = Verdict.Withdrawn }, Us, "author", "cannot attest to its own measurement" },
        { "withdrawn when undisputed", r => r with { Verdict = Verdict.Withdrawn }, Mx, "verdict", "entry 8 has no open dispute to withdraw" },
        { "withdrawn twice", l => { Dispute(l); Attest(l, MxId, Verdict.Withdrawn, null, null, Mx); }, r => r with { Verdict = Verdict.Withdrawn }, Mx, "verdict", "entry 8 has no open dispute to withdraw" },
        { "withdrawn after a resolution", l => { Dispute(l); Resolve(l); }, r => r with { Verdict = Verdict.Withdrawn }, Mx, "verdict", "entry 8 has no open dispute to withdraw" },
        { "withdrawn with a figure", Dispute, r => r with { Verdict = Verdict.Withdrawn, Figure = 790m }, Mx, "figure", "a withdrawal states no figure" },
        { "resolved without a figure", Dispute, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Reason = "audit" }, Gao, "figure", "a resolution states the figure that stands" },
        { "resolved without a reason", Dispute, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = 800m }, Gao, "reason", "this verdict states its reason" },
        { "resolved when undisputed", r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" }, Gao, "verdict", "entry 8 is not disputed" },
        { "resolved when only acknowledged", Acknowledge, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" }, Gao, "verdict", "entry 8 is not disputed" },
        { "resolved when only failed verification", FailVerification, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" }, Gao, "verdict", "entry 8 is not disputed" },
        { "resolved after the dispute was withdrawn", l => { Dispute(l); Attest(l, MxId, Verdict.Withdrawn, null, null, Mx); }, r => r with { Author = GaoId, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" }, Gao, "verdict", "entry 8 is not disputed" },
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

    static void Resolve(RuleLedger ledger) => Attest(ledger, GaoId, Verdict.Resolved, 800m, "audit", Gao);

    static void Propose(RuleLedger ledger, PartyId side, decimal figure, Signer by) => Attest(ledger, side, Verdict.Resolved, figure, "we would accept this figure", by);

    /// <summary>us corrects its value (entry 8) with the same figure, as the next entry.</summary>
    static void Correct(RuleLedger ledger) => ledger.Log(LedgerFixture.Measurement(value: 812.5m, supersedes: Value), Us);

    static void NameResolvers(RuleLedger ledger, PartyId verifier) =>
        ledger.Log(new PolicyRecord { Author = OperatorId, RecordedAt = LedgerFixture.At, Agreement = new("us-mx-security"), Policy = new EvaluationPolicy { DisputeResolvers = [verifier] } }, Operator);

    static void NameVerifiers(RuleLedger ledger, PartyId verifier) =>
        ledger.Log(new PolicyRecord { Author = OperatorId, RecordedAt = LedgerFixture.At, Agreement = new("us-mx-security"), Policy = new EvaluationPolicy { Verifiers = [verifier] } }, Operator);

    static void RegisterCaAsVerifier(RuleLedger ledger) =>
        ledger.Log(new PartyRecord { Author = OperatorId, RecordedAt = LedgerFixture.At, Id = new("ca"), Name = "Another audit office", Role = PartyRole.Verifier, Keys = [TestKeys.Ca] }, Operator);

    static void Acknowledge(RuleLedger ledger) => Attest(ledger, MxId, Verdict.Acknowledged, null, null, Mx);

    static void Dispute(RuleLedger ledger) => Attest(ledger, MxId, Verdict.Disputed, 790m, "double counted", Mx);

    static void FailVerification(RuleLedger ledger) => Attest(ledger, GaoId, Verdict.VerificationFailed, null, "source file differs", Gao);

    static void Attest(RuleLedger ledger, PartyId author, Verdict verdict, decimal? figure, string? reason, Signer by) =>
        ledger.Log(new AttestationRecord { Author = author, RecordedAt = LedgerFixture.At, Measurement = Value, Verdict = verdict, Figure = figure, Reason = reason }, by);
}
