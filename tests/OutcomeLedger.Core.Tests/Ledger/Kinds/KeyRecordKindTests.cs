using OutcomeLedger.Core.Ledger;
using static OutcomeLedger.Core.Tests.Ledger.Kinds.Signer;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

public sealed class KeyRecordKindTests : IDisposable
{
    readonly RuleLedger _ledger = new();

    static readonly PartyId UsId = LedgerFixture.UsId;

    /// <summary>'us' adds a second key of its own.</summary>
    internal static RuleTable<KeyRecord> Rules { get; } = new RuleTable<KeyRecord>(
        "key",
        new KeyRecord { Author = UsId, RecordedAt = LedgerFixture.At, Party = UsId, Action = KeyAction.Add, PublicKey = TestKeys.Fresh },
        Us)
    {
        { "the operator adds a key for a party", r => r with { Author = LedgerFixture.OperatorId }, Operator },
        { "a verifier adds its own key", r => r with { Author = LedgerFixture.VerifierId, Party = LedgerFixture.VerifierId }, Gao },
        { "revoking a key once a successor is active", l => l.AddSuccessor(UsId), r => r with { Action = KeyAction.Revoke, PublicKey = TestKeys.Us }, Us },
        { "the successor revokes the first key", l => l.AddSuccessor(UsId), r => r with { Action = KeyAction.Revoke, PublicKey = TestKeys.Us }, Successor },
        { "the operator revokes a party's key", l => l.AddSuccessor(UsId), r => r with { Author = LedgerFixture.OperatorId, Action = KeyAction.Revoke, PublicKey = TestKeys.Us }, Operator },
        { "party not registered", r => r with { Party = new("ca") }, Us, "party", "party 'ca' is not registered" },
        { "a party adds a key for another", r => r with { Author = LedgerFixture.MxId }, Mx, "party", "party 'mx' cannot change the keys of party 'us'" },
        { "a verifier adds a key for a party", r => r with { Author = LedgerFixture.VerifierId }, Gao, "party", "party 'gao' cannot change the keys of party 'us'" },
        { "a party revokes another's key", l => l.AddSuccessor(UsId), r => r with { Author = LedgerFixture.MxId, Action = KeyAction.Revoke, PublicKey = TestKeys.Us }, Mx, "party", "cannot change the keys of party 'us'" },
        { "key not base64", r => r with { PublicKey = "not a key" }, Us, "publicKey", "not a base64 Ed25519 public key of 32 bytes" },
        { "key of 31 bytes", r => r with { PublicKey = TestKeys.OfLength(31) }, Us, "publicKey", "not a base64 Ed25519 public key" },
        { "key of 33 bytes", r => r with { PublicKey = TestKeys.OfLength(33) }, Us, "publicKey", "not a base64 Ed25519 public key" },
        { "adding another party's key", r => r with { PublicKey = TestKeys.Mx }, Us, "publicKey", "this key already belongs to party 'mx'" },
        { "adding a key it already has", r => r with { PublicKey = TestKeys.Us }, Us, "publicKey", "this key already belongs to party 'us'" },
        { "adding back a revoked key", l => l.RetireFirstKey(UsId), r => r with { PublicKey = TestKeys.Us }, Successor, "publicKey", "this key already belongs to party 'us'" },
        { "revoking its last active key", r => r with { Action = KeyAction.Revoke, PublicKey = TestKeys.Us }, Us, "publicKey", "would leave party 'us' without an active key; add its successor first" },
        { "the operator revokes a party's last key", r => r with { Author = LedgerFixture.OperatorId, Action = KeyAction.Revoke, PublicKey = TestKeys.Us }, Operator, "publicKey", "without an active key" },
        { "revoking a key no party holds", r => r with { Action = KeyAction.Revoke }, Us, "publicKey", "is not an active key of party 'us'" },
        { "revoking another party's key as its own", r => r with { Action = KeyAction.Revoke, PublicKey = TestKeys.Mx }, Us, "publicKey", "is not an active key of party 'us'" },
        { "revoking a key already revoked", l => l.RetireFirstKey(UsId), r => r with { Action = KeyAction.Revoke, PublicKey = TestKeys.Us }, Successor, "publicKey", "is not an active key of party 'us'" },
        { "revoking a key not base64", r => r with { Action = KeyAction.Revoke, PublicKey = "AAAA" }, Us, "publicKey", "not a base64 Ed25519 public key" },
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
