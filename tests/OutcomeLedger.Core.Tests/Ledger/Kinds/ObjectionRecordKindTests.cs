using OutcomeLedger.Core.Ledger;
using static OutcomeLedger.Core.Tests.Ledger.Kinds.Signer;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

/// <summary>Issue 12, why 3: a party can contest a commitment's or an indicator's terms, with its reason.</summary>
public sealed class ObjectionRecordKindTests : IDisposable
{
    const ulong Commitment = 6;
    const ulong Indicator = 7;

    readonly RuleLedger _ledger = new();

    static readonly PartyId MxId = LedgerFixture.MxId;
    static readonly string Hash = new('e', 64);

    /// <summary>'mx' contests the commitment 'us' proposed.</summary>
    internal static RuleTable<ObjectionRecord> Rules { get; } = new RuleTable<ObjectionRecord>(
        "objection",
        new ObjectionRecord { Author = MxId, RecordedAt = LedgerFixture.At, Entry = Commitment, Reason = "the flow is not ours to reduce alone" },
        Mx)
    {
        { "an indicator's target, with evidence", r => r with { Entry = Indicator, Reason = "the target was never agreed", Evidence = [Hash] }, Mx },
        { "a policy", AcceptanceRecordKindTests.LogPolicy, r => r with { Entry = 8 }, Mx, "entry", "entry 8 is not a commitment or an indicator" },
        { "entry a party record", r => r with { Entry = 2 }, Mx, "entry", "entry 2 is not a commitment or an indicator" },
        { "its own terms", r => r with { Author = LedgerFixture.UsId }, Us, "author", "party 'us' proposed entry 6; a party cannot contest its own terms" },
        { "by a verifier the terms do not name", r => r with { Author = LedgerFixture.VerifierId }, Gao, "author", "party 'gao' is neither a party to agreement 'us-mx-security' nor the reporter entry 6 names" },
        { "after accepting the terms", Accept, r => r, Mx, "entry", "party 'mx' accepted entry 6 at entry 8; an acceptance stands" },
        { "contested twice", AcceptanceRecordKindTests.Object, r => r with { Reason = "still" }, Mx, "entry", "party 'mx' already contests entry 6" },
        { "reason empty", r => r with { Reason = "" }, Mx, "reason", "is empty" },
        { "reason of 4001 characters", r => r with { Reason = new string('r', 4001) }, Mx, "reason", "is 4001 characters; at most 4000" },
        { "seventeen evidence files", r => r with { Evidence = [.. Enumerable.Repeat(Hash, 17)] }, Mx, "evidence", "at most 16 evidence files" },
        { "evidence not a hash", r => r with { Evidence = ["not-a-hash"] }, Mx, "evidence[0]", "is not a SHA-256 in lowercase hex" },
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

    static void Accept(RuleLedger ledger) =>
        Assert.Equal(8UL, ledger.Log(new AcceptanceRecord { Author = MxId, RecordedAt = LedgerFixture.At, Entry = Commitment }, Mx));
}
