using OutcomeLedger.Core.Ledger;
using static OutcomeLedger.Core.Tests.Ledger.Kinds.Signer;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

public sealed class AgreementRecordKindTests : IDisposable
{
    readonly RuleLedger _ledger = new();

    static readonly PartyId UsId = LedgerFixture.UsId;
    static readonly PartyId MxId = LedgerFixture.MxId;

    /// <summary>The operator records a second agreement between 'us' and 'mx'.</summary>
    internal static RuleTable<AgreementRecord> Rules { get; } = new RuleTable<AgreementRecord>(
        "agreement",
        new AgreementRecord { Author = LedgerFixture.OperatorId, RecordedAt = LedgerFixture.At, Id = new("us-mx-trade"), Title = "U.S.–Mexico trade", Parties = [UsId, MxId] },
        Operator)
    {
        { "one party", r => r with { Parties = [UsId] }, Operator },
        { "a verifier among the parties", r => r with { Parties = [UsId, MxId, LedgerFixture.VerifierId] }, Operator },
        { "title with a line break", r => r with { Title = "U.S.–Mexico\ntrade" }, Operator },
        { "recorded by a party", r => r with { Author = UsId }, Us, "author", "only the ledger's operator records an agreement; party 'us' is a party" },
        { "recorded by a verifier", r => r with { Author = LedgerFixture.VerifierId }, Gao, "author", "only the ledger's operator records an agreement; party 'gao' is a verifier" },
        { "id with an underscore", r => r with { Id = new("us_mx") }, Operator, "id", "'us_mx' is not an id" },
        { "id already used", r => r with { Id = new("us-mx-security") }, Operator, "id", "agreement 'us-mx-security' already exists" },
        { "title empty", r => r with { Title = "" }, Operator, "title", "is empty" },
        { "title of 301 characters", r => r with { Title = new string('t', 301) }, Operator, "title", "is 301 characters; at most 300" },
        { "title with a carriage return", r => r with { Title = "U.S.\r\nMexico" }, Operator, "title", "holds control characters" },
        { "no parties", r => r with { Parties = [] }, Operator, "parties", "lists 1 to 64 items" },
        { "65 parties", r => r with { Parties = [.. Enumerable.Range(0, 65).Select(i => new PartyId($"p{i}"))] }, Operator, "parties", "lists 1 to 64 items" },
        { "a party listed twice", r => r with { Parties = [UsId, MxId, UsId] }, Operator, "parties", "lists an item twice" },
        { "a party not registered", r => r with { Parties = [UsId, new("ca")] }, Operator, "parties[1]", "party 'ca' is not registered" },
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
}
