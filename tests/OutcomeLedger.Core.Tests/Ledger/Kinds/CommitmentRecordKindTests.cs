using OutcomeLedger.Core.Ledger;
using static OutcomeLedger.Core.Tests.Ledger.Kinds.Signer;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

public sealed class CommitmentRecordKindTests : IDisposable
{
    readonly RuleLedger _ledger = new();

    static readonly PartyId UsId = LedgerFixture.UsId;
    static readonly PartyId MxId = LedgerFixture.MxId;
    static readonly StatementId Joint = new("joint-statement-2026-01-15");
    static readonly DateOnly MadeOn = new(2026, 1, 15);

    /// <summary>'us' records a second commitment under the fixture's agreement, drawn from the joint statement.</summary>
    internal static RuleTable<CommitmentRecord> Rules { get; } = new RuleTable<CommitmentRecord>(
        "commitment",
        new CommitmentRecord
        {
            Author = UsId,
            RecordedAt = LedgerFixture.At,
            Id = new("publish-seizure-data"),
            Agreement = new("us-mx-security"),
            Text = "Publish monthly seizure data",
            Statements = [Joint],
            ResponsibleParties = [UsId],
            MadeOn = MadeOn,
            DueDate = new DateOnly(2026, 12, 31),
        },
        Us)
    {
        { "recorded by the other member", r => r with { Author = MxId }, Mx },
        { "recorded by the operator", r => r with { Author = LedgerFixture.OperatorId }, Operator },
        { "both parties responsible", r => r with { ResponsibleParties = [UsId, MxId] }, Us },
        { "made after the statement", r => r with { MadeOn = MadeOn.AddDays(30) }, Us },
        { "due the day it is made", r => r with { DueDate = MadeOn }, Us },
        { "no due date", r => r with { DueDate = null }, Us },
        { "a text of 4000 characters", r => r with { Text = new string('t', 4000) }, Us },
        { "id with a capital", r => r with { Id = new("Publish") }, Us, "id", "'Publish' is not an id" },
        { "id already used", r => r with { Id = new("reduce-fentanyl-flow") }, Us, "id", "commitment 'reduce-fentanyl-flow' already exists" },
        { "agreement unknown", r => r with { Agreement = new("us-ca-security") }, Us, "agreement", "agreement 'us-ca-security' does not exist" },
        { "recorded by a verifier", r => r with { Author = LedgerFixture.VerifierId }, Gao, "author", "party 'gao' is not a party to agreement 'us-mx-security' and cannot record a commitment under it" },
        { "recorded by a party outside the agreement", l => l.RegisterCa(), r => r with { Author = new("ca") }, Ca, "author", "party 'ca' is not a party to agreement 'us-mx-security'" },
        { "a verifier responsible", r => r with { ResponsibleParties = [UsId, LedgerFixture.VerifierId] }, Us, "responsibleParties[1]", "party 'gao' is not a party to agreement 'us-mx-security'" },
        { "an unregistered party responsible", r => r with { ResponsibleParties = [new("ca")] }, Us, "responsibleParties[0]", "party 'ca' is not a party to agreement" },
        { "nobody responsible", r => r with { ResponsibleParties = [] }, Us, "responsibleParties", "lists 1 to 64 items" },
        { "a party responsible twice", r => r with { ResponsibleParties = [MxId, MxId] }, Us, "responsibleParties", "lists an item twice" },
        { "text empty", r => r with { Text = "" }, Us, "text", "is empty" },
        { "text of 4001 characters", r => r with { Text = new string('t', 4001) }, Us, "text", "is 4001 characters; at most 4000" },
        { "text with a form feed", r => r with { Text = "Publish\fdata" }, Us, "text", "holds control characters" },
        { "no statements", r => r with { Statements = [] }, Us, "statements", "lists 1 to 64 items" },
        { "a statement listed twice", r => r with { Statements = [Joint, Joint] }, Us, "statements", "lists an item twice" },
        { "a statement not logged", r => r with { Statements = [Joint, new("speech-2026-02-01")] }, Us, "statements[1]", "statement 'speech-2026-02-01' does not exist" },
        { "made before its statement", r => r with { MadeOn = MadeOn.AddDays(-1), DueDate = null }, Us, "madeOn", "dated 2026-01-14, before the first statement that makes it (2026-01-15)" },
        { "due before it is made", r => r with { DueDate = MadeOn.AddDays(-1) }, Us, "dueDate", "the due date is before the commitment was made" },
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
