using OutcomeLedger.Core.Ledger;
using static OutcomeLedger.Core.Tests.Ledger.Kinds.Signer;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

public sealed class PolicyRecordKindTests : IDisposable
{
    readonly RuleLedger _ledger = new();

    static readonly AgreementId Agreement = new("us-mx-security");

    /// <summary>The operator logs the default evaluation policy for the fixture's agreement.</summary>
    internal static RuleTable<PolicyRecord> Rules { get; } = new RuleTable<PolicyRecord>(
        "policy",
        new PolicyRecord { Author = LedgerFixture.OperatorId, RecordedAt = LedgerFixture.At, Agreement = Agreement, Policy = new EvaluationPolicy() },
        Operator)
    {
        { "a second policy replaces the first", LogDefault, r => r with { Policy = r.Policy with { Rollup = "all-met" } }, Operator },
        { "every status named", P(p => p with { CountsTowardMet = ["self-reported", "acknowledged", "disputed", "verified", "verification-failed", "resolved"] }), Operator },
        { "no statuses counted", P(p => p with { CountsTowardMet = [], CountsTowardTrend = [] }), Operator },
        { "shares and changes at their bounds", P(p => p with { MinVerifiedShare = 0m, SignificantChange = 1m }), Operator },
        { "verified share of one", P(p => p with { MinVerifiedShare = 1m }), Operator },
        { "shortest series", P(p => p with { MinPeriodsBefore = 3, MinPeriodsAfter = 1 }), Operator },
        { "longest series", P(p => p with { MinPeriodsBefore = 240, MinPeriodsAfter = 240 }), Operator },
        { "confidence 0.8", P(p => p with { ConfidenceLevel = 0.8m }), Operator },
        { "confidence 0.90", P(p => p with { ConfidenceLevel = 0.90m }), Operator },
        { "confidence 0.99", P(p => p with { ConfidenceLevel = 0.99m }), Operator },
        { "a statement resets expectations", P(p => p with { ResetStatements = [new("joint-statement-2026-01-15")] }), Operator },
        { "the verifiers whose checks count", P(p => p with { Verifiers = [LedgerFixture.VerifierId] }), Operator },
        { "recorded by a party", r => r with { Author = LedgerFixture.UsId }, Us, "author", "only the ledger's operator records an evaluation policy; party 'us' is a party" },
        { "recorded by a verifier", r => r with { Author = LedgerFixture.VerifierId }, Gao, "author", "only the ledger's operator records an evaluation policy; party 'gao' is a verifier" },
        { "agreement unknown", r => r with { Agreement = new("us-ca-security") }, Operator, "agreement", "agreement 'us-ca-security' does not exist" },
        { "met counts an unknown status", P(p => p with { CountsTowardMet = ["verified", "confirmed"] }), Operator, "policy.countsTowardMet", "'confirmed' is not a verification status (self-reported, acknowledged," },
        { "met status in another case", P(p => p with { CountsTowardMet = ["Verified"] }), Operator, "policy.countsTowardMet", "'Verified' is not a verification status" },
        { "trend counts an unknown status", P(p => p with { CountsTowardTrend = ["self_reported"] }), Operator, "policy.countsTowardTrend", "'self_reported' is not a verification status" },
        { "verified share below 0", P(p => p with { MinVerifiedShare = -0.01m }), Operator, "policy.minVerifiedShare", "must be between 0 and 1" },
        { "verified share above 1", P(p => p with { MinVerifiedShare = 1.01m }), Operator, "policy.minVerifiedShare", "must be between 0 and 1" },
        { "significant change 0", P(p => p with { SignificantChange = 0m }), Operator, "policy.significantChange", "must be above 0 and at most 1" },
        { "significant change negative", P(p => p with { SignificantChange = -0.1m }), Operator, "policy.significantChange", "must be above 0 and at most 1" },
        { "significant change above 1", P(p => p with { SignificantChange = 1.5m }), Operator, "policy.significantChange", "must be above 0 and at most 1" },
        { "2 periods before", P(p => p with { MinPeriodsBefore = 2 }), Operator, "policy.minPeriodsBefore", "3..240 before" },
        { "241 periods before", P(p => p with { MinPeriodsBefore = 241 }), Operator, "policy.minPeriodsBefore", "3..240 before" },
        { "confidence 0.85", P(p => p with { ConfidenceLevel = 0.85m }), Operator, "policy.confidenceLevel", "must be 0.8, 0.9, 0.95 or 0.99" },
        { "confidence 95", P(p => p with { ConfidenceLevel = 95m }), Operator, "policy.confidenceLevel", "must be 0.8, 0.9, 0.95 or 0.99" },
        { "rollup unknown", P(p => p with { Rollup = "best" }), Operator, "policy.rollup", "must be 'worst' or 'all-met'" },
        { "reset by an unknown statement", P(p => p with { ResetStatements = [new("joint-statement-2026-01-15"), new("press-release-2031")] }), Operator, "policy.resetStatements[1]", "statement 'press-release-2031' does not exist" },
        { "reset statements empty", P(p => p with { ResetStatements = [] }), Operator, "policy.resetStatements", "lists 1 to" },
        { "reset statement twice", P(p => p with { ResetStatements = [new("joint-statement-2026-01-15"), new("joint-statement-2026-01-15")] }), Operator, "policy.resetStatements", "lists an item twice" },
        { "verifier unknown", P(p => p with { Verifiers = [LedgerFixture.VerifierId, new("ca")] }), Operator, "policy.verifiers[1]", "party 'ca' is not registered" },
        { "verifier a party", P(p => p with { Verifiers = [LedgerFixture.MxId] }), Operator, "policy.verifiers[0]", "party 'mx' is a party; only an independent verifier's checks are named here" },
        { "verifiers empty", P(p => p with { Verifiers = [] }), Operator, "policy.verifiers", "lists 1 to" },
        { "rollup in another case", P(p => p with { Rollup = "Worst" }), Operator, "policy.rollup", "must be 'worst' or 'all-met'" },
    }.WithSignatureRules();

    public void Dispose() => _ledger.Dispose();

    public static TheoryData<string> Accepted() => Rules.AcceptedNames();

    public static TheoryData<string> Refused() => Rules.RefusedNames();

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_Variant_IsAccepted(string row) => _ledger.Verify(Rules[row]);

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_Variant_IsRefusedNamingItsField(string row) => _ledger.Verify(Rules[row]);

    /// <summary>The valid record with its policy changed.</summary>
    static Func<PolicyRecord, LedgerRecord> P(Func<EvaluationPolicy, EvaluationPolicy> change) => r => r with { Policy = change(r.Policy) };

    static void LogDefault(RuleLedger ledger) =>
        ledger.Log(new PolicyRecord { Author = LedgerFixture.OperatorId, RecordedAt = LedgerFixture.At, Agreement = Agreement, Policy = new EvaluationPolicy() }, Operator);
}
