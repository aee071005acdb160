using OutcomeLedger.Core.Ledger;
using static OutcomeLedger.Core.Tests.Ledger.Kinds.Signer;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

/// <summary>Issue 12, why 3: terms one party logged bind the other only once it accepts them, by a signed acceptance.</summary>
public sealed class AcceptanceRecordKindTests : IDisposable
{
    /// <summary>The fixture's commitment and indicator, both proposed by 'us'.</summary>
    const ulong Commitment = 6;
    const ulong Indicator = 7;

    readonly RuleLedger _ledger = new();

    static readonly PartyId MxId = LedgerFixture.MxId;
    static readonly PartyId GaoId = LedgerFixture.VerifierId;

    /// <summary>'mx' accepts the commitment 'us' proposed.</summary>
    internal static RuleTable<AcceptanceRecord> Rules { get; } = new RuleTable<AcceptanceRecord>(
        "acceptance",
        new AcceptanceRecord { Author = MxId, RecordedAt = LedgerFixture.At, Entry = Commitment },
        Mx)
    {
        { "an indicator, with a note", r => r with { Entry = Indicator, Note = "baseline and target as agreed in the SIG" }, Mx },
        { "a policy the operator logged", LogPolicy, r => r with { Entry = 8 }, Mx },
        { "the reporter role, by the verifier an indicator names", LogIndicatorReportedByGao, r => r with { Author = GaoId, Entry = 8 }, Gao },
        { "after objecting to the terms", Object, r => r, Mx },
        { "entry a party record", r => r with { Entry = 3 }, Mx, "entry", "entry 3 is not a commitment, an indicator or a policy" },
        { "entry beyond the log", r => r with { Entry = 99 }, Mx, "entry", "entry 99 is not a commitment, an indicator or a policy" },
        { "its own terms", r => r with { Author = LedgerFixture.UsId }, Us, "author", "party 'us' proposed entry 6; a party cannot accept its own terms" },
        { "by a verifier the terms do not name", r => r with { Author = GaoId }, Gao, "author", "party 'gao' is neither a party to agreement 'us-mx-security' nor the reporter entry 6 names" },
        { "by the operator", r => r with { Author = LedgerFixture.OperatorId }, Operator, "author", "party 'operator' is neither a party to agreement 'us-mx-security'" },
        { "accepted twice", Accept, r => r with { Note = "again" }, Mx, "entry", "party 'mx' already accepted entry 6" },
        { "note empty", r => r with { Note = "" }, Mx, "note", "is empty" },
        { "note of 4001 characters", r => r with { Note = new string('n', 4001) }, Mx, "note", "is 4001 characters; at most 4000" },
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

    [Fact]
    public void Terms_ProposedByUs_AreAgreedOnlyOnceMxAccepts()
    {
        var terms = _ledger.State.FindTerms(Indicator)!;
        var parties = _ledger.State.FindAgreement(terms.Agreement)!.Record.Parties;
        Assert.Equal(LedgerFixture.UsId, terms.Proposer);
        Assert.Equal([MxId], terms.AwaitingFrom(parties));

        _ledger.Log(new AcceptanceRecord { Author = MxId, RecordedAt = LedgerFixture.At, Entry = Indicator }, Mx);

        Assert.Empty(terms.AwaitingFrom(parties));
    }

    [Fact]
    public void Objection_StandsUntilItsAuthorAccepts()
    {
        Object(_ledger);
        var terms = _ledger.State.FindTerms(Commitment)!;
        Assert.Single(terms.OpenObjections);

        Accept(_ledger);

        Assert.Empty(terms.OpenObjections);
        Assert.Single(terms.Objections);
    }

    internal static void LogPolicy(RuleLedger ledger) =>
        Assert.Equal(8UL, ledger.Log(new PolicyRecord { Author = LedgerFixture.OperatorId, RecordedAt = LedgerFixture.At, Agreement = new("us-mx-security"), Policy = new EvaluationPolicy() }, Operator));

    static void LogIndicatorReportedByGao(RuleLedger ledger) =>
        Assert.Equal(8UL, ledger.Log(LedgerFixture.Indicator() with { Id = new("audited-seizures"), Reporter = GaoId }, Us));

    static void Accept(RuleLedger ledger) => ledger.Log(new AcceptanceRecord { Author = MxId, RecordedAt = LedgerFixture.At, Entry = Commitment }, Mx);

    internal static void Object(RuleLedger ledger) =>
        ledger.Log(new ObjectionRecord { Author = MxId, RecordedAt = LedgerFixture.At, Entry = Commitment, Reason = "the flow is not ours to reduce alone" }, Mx);
}
