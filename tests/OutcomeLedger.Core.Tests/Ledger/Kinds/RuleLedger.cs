using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

/// <summary>
/// The ledger a rule table's rows run against: <see cref="LedgerFixture"/>'s eight entries (or, for the genesis
/// rules, an empty state with the same keys), the keys of 'ca' and of a successor, and the arrangements rows share.
/// </summary>
internal sealed class RuleLedger : IDisposable
{
    readonly LedgerFixture _fixture = new();

    public RuleLedger(bool empty = false) => State = empty ? new LedgerState() : _fixture.State;

    public LedgerState State { get; }

    public SigningKey Operator => _fixture.Operator;

    public SigningKey Us => _fixture.Us;

    public SigningKey Mx => _fixture.Mx;

    public SigningKey Gao => _fixture.Verifier;

    public SigningKey Ca { get; } = TestKeys.Signing(TestKeys.CaSeed);

    public SigningKey Successor { get; } = TestKeys.Signing(TestKeys.SuccessorSeed);

    /// <summary>Checks and applies a record; fails the test if it is refused. Returns its log index.</summary>
    public ulong Log(LedgerRecord record, Signer by)
    {
        var leaf = by.Sign(this, record);
        var check = State.Check(leaf);
        Assert.True(check.IsAccepted, $"arranging {record.Kind}: {check}");
        var index = State.Size;
        State.Apply(check.Record!, Rfc6962.HashLeaf(leaf));
        return index;
    }

    /// <summary>Runs one row: its arrangement, then the check of its record as its signer signs it, against its expected outcome.</summary>
    public void Verify(RuleCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Arrange?.Invoke(this);
        var check = State.Check(row.By.Sign(this, row.Record()));
        if (row.Field is null)
        {
            Assert.True(check.IsAccepted, $"{row.Name}: {check}");
        }
        else
        {
            Assert.False(check.IsAccepted, $"{row.Name}: the record was accepted");
            Assert.True(
                check.Errors.Any(e => e.Field == row.Field && e.Message.Contains(row.Fragment!, StringComparison.Ordinal)),
                $"{row.Name}: expected {row.Field}: …{row.Fragment}…, got {check}");

            // The change breaks one rule only, so a row cannot pass on another rule's refusal.
            Assert.True(check.Errors.All(e => Within(e.Field, row.Field)), $"{row.Name}: refused on other fields too: {check}");
        }
    }

    /// <summary>Whether <paramref name="field"/> is <paramref name="expected"/> or one of its elements or members (<c>parties[1]</c> of <c>parties</c>).</summary>
    static bool Within(string field, string expected) =>
        field == expected || field.StartsWith(expected + "[", StringComparison.Ordinal) || field.StartsWith(expected + ".", StringComparison.Ordinal);

    /// <summary>Registers 'ca', a party outside the fixture's agreement, with the key <see cref="Signer.Ca"/> signs with.</summary>
    public void RegisterCa() =>
        Log(new PartyRecord { Author = LedgerFixture.OperatorId, RecordedAt = LedgerFixture.At, Id = new("ca"), Name = "Canada", Role = PartyRole.Party, Keys = [TestKeys.Ca] }, Signer.Operator);

    /// <summary><paramref name="party"/> adds the successor key, signing with its first key.</summary>
    public void AddSuccessor(PartyId party) =>
        Log(new KeyRecord { Author = party, RecordedAt = LedgerFixture.At, Party = party, Action = KeyAction.Add, PublicKey = TestKeys.Successor }, Signer.Of(party));

    /// <summary><paramref name="party"/> adds the successor key and, signing with it, revokes its first key.</summary>
    public void RetireFirstKey(PartyId party)
    {
        AddSuccessor(party);
        var first = party.Value switch
        {
            "operator" => Operator,
            "us" => Us,
            "mx" => Mx,
            "gao" => Gao,
            _ => throw new ArgumentOutOfRangeException(nameof(party), party, "no first key"),
        };
        Log(new KeyRecord { Author = party, RecordedAt = LedgerFixture.At, Party = party, Action = KeyAction.Revoke, PublicKey = Convert.ToBase64String(first.PublicKey) }, Signer.Successor);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Successor.Dispose();
        _fixture.Dispose();
    }
}
