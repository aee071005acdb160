using OutcomeLedger.Core.Ledger;
using static OutcomeLedger.Core.Tests.Ledger.Kinds.Signer;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

public sealed class PartyRecordKindTests
{
    static readonly PartyId CaId = new("ca");

    /// <summary>After the genesis entry: the operator registers 'ca' with one key.</summary>
    internal static RuleTable<PartyRecord> Rules { get; } = new RuleTable<PartyRecord>(
        "party",
        new PartyRecord { Author = LedgerFixture.OperatorId, RecordedAt = LedgerFixture.At, Id = CaId, Name = "Canada", Role = PartyRole.Party, Keys = [TestKeys.Ca] },
        Operator)
    {
        { "a verifier", r => r with { Role = PartyRole.Verifier }, Operator },
        { "eight keys", r => r with { Keys = TestKeys.Distinct(8) }, Operator },
        { "name of 300 characters", r => r with { Name = new string('n', 300) }, Operator },
        { "registered by a party", r => r with { Author = LedgerFixture.UsId }, Us, "author", "only the ledger's operator records a party; party 'us' is a party" },
        { "registered by a verifier", r => r with { Author = LedgerFixture.VerifierId }, Gao, "author", "only the ledger's operator records a party; party 'gao' is a verifier" },
        { "id with a capital", r => r with { Id = new("Ca") }, Operator, "id", "'Ca' is not an id: lowercase letters, digits and single hyphens" },
        { "id with a double hyphen", r => r with { Id = new("c--a") }, Operator, "id", "is not an id" },
        { "id ending in a hyphen", r => r with { Id = new("ca-") }, Operator, "id", "is not an id" },
        { "id of 65 characters", r => r with { Id = new(new string('c', 65)) }, Operator, "id", "1 to 64 characters" },
        { "id empty", r => r with { Id = new("") }, Operator, "id", "is not an id" },
        { "id already registered", r => r with { Id = LedgerFixture.MxId }, Operator, "id", "party 'mx' is already registered; keys change with key records" },
        { "a second operator", r => r with { Role = PartyRole.Operator }, Operator, "role", "a ledger has one operator" },
        { "name empty", r => r with { Name = "" }, Operator, "name", "is empty" },
        { "name only spaces", r => r with { Name = "   " }, Operator, "name", "is empty" },
        { "name of 301 characters", r => r with { Name = new string('n', 301) }, Operator, "name", "is 301 characters; at most 300" },
        { "name with a tab", r => r with { Name = "Can\tada" }, Operator, "name", "holds control characters" },
        { "no keys", r => r with { Keys = [] }, Operator, "keys", "between 1 and 8 public keys" },
        { "nine keys", r => r with { Keys = TestKeys.Distinct(9) }, Operator, "keys", "between 1 and 8 public keys" },
        { "key not base64", r => r with { Keys = ["not a key"] }, Operator, "keys[0]", "not a base64 Ed25519 public key of 32 bytes" },
        { "key of 31 bytes", r => r with { Keys = [TestKeys.OfLength(31)] }, Operator, "keys[0]", "not a base64 Ed25519 public key" },
        { "key of 33 bytes", r => r with { Keys = [TestKeys.OfLength(33)] }, Operator, "keys[0]", "not a base64 Ed25519 public key" },
        { "key of another party", r => r with { Keys = [TestKeys.Us] }, Operator, "keys[0]", "this key already belongs to party 'us'" },
        { "second key another party's", r => r with { Keys = [TestKeys.Ca, TestKeys.Mx] }, Operator, "keys[1]", "this key already belongs to party 'mx'" },
        { "key the operator signs with", r => r with { Keys = [TestKeys.Operator] }, Operator, "keys[0]", "already belongs to party 'operator'" },
    }.WithSignatureRules();

    /// <summary>The first entry of a ledger: the operator registers itself, signed by a key it lists.</summary>
    internal static RuleTable<PartyRecord> Genesis { get; } = new RuleTable<PartyRecord>(
        "genesis",
        new PartyRecord { Author = LedgerFixture.OperatorId, RecordedAt = LedgerFixture.At, Id = LedgerFixture.OperatorId, Name = "Ledger operator", Role = PartyRole.Operator, Keys = [TestKeys.Operator] },
        Operator)
    {
        { "signed by its second key", r => r with { Keys = [TestKeys.Fresh, TestKeys.Operator] }, Operator },
        { "not a party record", _ => LedgerFixture.Measurement() with { Author = LedgerFixture.OperatorId }, Operator, "kind", "the first entry of a ledger registers its operator" },
        { "a party, not the operator", r => r with { Role = PartyRole.Party }, Operator, "kind", "registers its operator" },
        { "a verifier, not the operator", r => r with { Role = PartyRole.Verifier }, Operator, "kind", "registers its operator" },
        { "authored by another party", r => r with { Author = LedgerFixture.UsId }, Operator, "kind", "authored by itself" },
        { "signed by a key it does not list", r => r, Us, "signatures[0].keyid", "signed by one of the keys it registers" },
        { "lists no keys", r => r with { Keys = [] }, Operator, "signatures[0].keyid", "signed by one of the keys it registers" },
        { "signature altered after signing", r => r, Operator.Altered(), "signatures[0].sig", "does not verify" },
        { "two signatures", r => r, Operator.And(Us), "signatures", "exactly one signature" },
        { "id not an id", r => r with { Author = new("Operator"), Id = new("Operator") }, Operator, "id", "'Operator' is not an id" },
        { "name empty", r => r with { Name = "" }, Operator, "name", "is empty" },
        { "nine keys", r => r with { Keys = [TestKeys.Operator, .. TestKeys.Distinct(8)] }, Operator, "keys", "between 1 and 8 public keys" },
        { "a second key not base64", r => r with { Keys = [TestKeys.Operator, "AAAA"] }, Operator, "keys[1]", "not a base64 Ed25519 public key" },
    };

    public static TheoryData<string> Accepted() => Rules.AcceptedNames();

    public static TheoryData<string> Refused() => Rules.RefusedNames();

    public static TheoryData<string> GenesisAccepted() => Genesis.AcceptedNames();

    public static TheoryData<string> GenesisRefused() => Genesis.RefusedNames();

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_Variant_IsAccepted(string row) => Verify(Rules[row], empty: false);

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_Variant_IsRefusedNamingItsField(string row) => Verify(Rules[row], empty: false);

    [Theory]
    [MemberData(nameof(GenesisAccepted))]
    public void Check_GenesisVariant_IsAccepted(string row) => Verify(Genesis[row], empty: true);

    [Theory]
    [MemberData(nameof(GenesisRefused))]
    public void Check_GenesisVariant_IsRefusedNamingItsField(string row) => Verify(Genesis[row], empty: true);

    static void Verify(RuleCase row, bool empty)
    {
        using var ledger = new RuleLedger(empty);
        ledger.Verify(row);
    }
}
