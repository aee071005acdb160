using System.Text;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Ledger;

public sealed class LedgerStateTests : IDisposable
{
    readonly LedgerFixture _ledger = new();

    public void Dispose() => _ledger.Dispose();

    static void AssertRejected(EntryCheck check, string field, string fragment)
    {
        Assert.False(check.IsAccepted, "the record was accepted");
        Assert.Contains(check.Errors, e => e.Field == field && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Fixture_BuildsThroughEveryCheck() => Assert.Equal(8UL, _ledger.State.Size);

    [Fact]
    public void Check_Genesis_MustBeTheOperatorRegisteringItself()
    {
        var empty = new LedgerState();
        var leaf = EntryCodec.Sign(LedgerFixture.Measurement(), _ledger.Us);

        var check = empty.Check(leaf);

        Assert.Contains(check.Errors, e => e.Field == "kind" && e.Message.Contains("operator", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_SignatureByAnotherPartysKey_IsRejected() =>
        AssertRejected(_ledger.Try(LedgerFixture.Measurement(), _ledger.Mx), "signatures[0].keyid", "is not a key of party 'us'");

    [Fact]
    public void Check_TamperedPayload_FailsTheSignature()
    {
        var leaf = EntryCodec.Sign(LedgerFixture.Measurement(), _ledger.Us);
        var envelope = DsseEnvelope.TryParse(leaf, out var parsed, out _) ? parsed! : throw new InvalidOperationException();
        var payload = Encoding.UTF8.GetString(envelope.Payload).Replace("812.5", "712.5", StringComparison.Ordinal);
        var forged = new DsseEnvelope(envelope.PayloadType, Encoding.UTF8.GetBytes(payload), envelope.Signatures).ToCanonicalJson();

        AssertRejected(_ledger.State.Check(forged), "signatures[0].sig", "does not verify");
    }

    [Fact]
    public void Check_PartyReportingAnotherPartysIndicator_IsRejected() =>
        AssertRejected(_ledger.Try(LedgerFixture.Measurement(author: LedgerFixture.MxId), _ledger.Mx), "author", "reports only its own indicators");

    [Fact]
    public void Check_UnknownAuthor_IsRejected() =>
        AssertRejected(_ledger.Try(LedgerFixture.Measurement(author: new PartyId("ca")), _ledger.Mx), "author", "'ca' is not registered");

    [Fact]
    public void Check_PeriodOfTheWrongType_NamesThePeriod() =>
        AssertRejected(_ledger.Try(LedgerFixture.Measurement(period: "2026-Q1"), _ledger.Us), "period", "measured by month");

    [Fact]
    public void Check_UndeclaredDimensionValue_NamesTheDimension()
    {
        var record = LedgerFixture.Measurement() with { Dimensions = new Dictionary<string, string> { ["component"] = "amo" } };
        AssertRejected(_ledger.Try(record, _ledger.Us), "dimensions.component", "not one of the declared values");
    }

    [Fact]
    public void Check_UnknownDimension_NamesIt()
    {
        var record = LedgerFixture.Measurement() with { Dimensions = new Dictionary<string, string> { ["drug"] = "fentanyl" } };
        AssertRejected(_ledger.Try(record, _ledger.Us), "dimensions.drug", "no dimension 'drug'");
    }

    [Fact]
    public void Check_NegativeAmount_IsRejected() =>
        AssertRejected(_ledger.Try(LedgerFixture.Measurement(value: -1m), _ledger.Us), "value", "cannot be negative");

    [Fact]
    public void Check_UnknownIndicator_IsRejected() =>
        AssertRejected(_ledger.Try(LedgerFixture.Measurement() with { Indicator = new("nope") }, _ledger.Us), "indicator", "'nope' does not exist");

    [Fact]
    public void Check_SecondValueForTheSamePeriod_NeedsSupersedes()
    {
        var first = _ledger.Submit(LedgerFixture.Measurement(), _ledger.Us);

        AssertRejected(_ledger.Try(LedgerFixture.Measurement(value: 900m), _ledger.Us), "period", "a correction supersedes it");
        var correction = _ledger.Submit(LedgerFixture.Measurement(value: 900m, supersedes: first), _ledger.Us);
        Assert.Equal(correction, _ledger.State.Measurements[first].SupersededBy);
        AssertRejected(_ledger.Try(LedgerFixture.Measurement(value: 901m, supersedes: first), _ledger.Us), "supersedes", "already corrected");
    }

    [Fact]
    public void Check_SupersedeOfAnotherPeriod_IsRejected()
    {
        var first = _ledger.Submit(LedgerFixture.Measurement(), _ledger.Us);
        AssertRejected(_ledger.Try(LedgerFixture.Measurement(period: "2026-02", supersedes: first), _ledger.Us), "supersedes", "another indicator, period or dimensions");
    }

    [Fact]
    public void Check_AttestingOwnMeasurement_IsRejected()
    {
        var m = _ledger.Submit(LedgerFixture.Measurement(), _ledger.Us);
        var record = new AttestationRecord { Author = LedgerFixture.UsId, RecordedAt = LedgerFixture.At, Measurement = m, Verdict = Verdict.Acknowledged };

        AssertRejected(_ledger.Try(record, _ledger.Us), "author", "cannot attest to its own measurement");
    }

    [Fact]
    public void Check_DisputeWithoutFigureOrReason_NamesBoth()
    {
        var m = _ledger.Submit(LedgerFixture.Measurement(), _ledger.Us);
        var check = _ledger.Try(new AttestationRecord { Author = LedgerFixture.MxId, RecordedAt = LedgerFixture.At, Measurement = m, Verdict = Verdict.Disputed }, _ledger.Mx);

        AssertRejected(check, "figure", "own figure");
        AssertRejected(check, "reason", "states its reason");
    }

    [Fact]
    public void Check_VerifiedByAParty_IsRejected()
    {
        var m = _ledger.Submit(LedgerFixture.Measurement(), _ledger.Us);
        var check = _ledger.Try(new AttestationRecord { Author = LedgerFixture.MxId, RecordedAt = LedgerFixture.At, Measurement = m, Verdict = Verdict.Verified }, _ledger.Mx);

        AssertRejected(check, "verdict", "only an independent verifier");
    }

    [Fact]
    public void Check_DisputeThenResolution_IsRecorded()
    {
        var m = _ledger.Submit(LedgerFixture.Measurement(), _ledger.Us);
        var resolution = new AttestationRecord { Author = LedgerFixture.VerifierId, RecordedAt = LedgerFixture.At, Measurement = m, Verdict = Verdict.Resolved, Figure = 800m, Reason = "audit" };
        AssertRejected(_ledger.Try(resolution, _ledger.Verifier), "verdict", "is not disputed");

        _ledger.Submit(new AttestationRecord { Author = LedgerFixture.MxId, RecordedAt = LedgerFixture.At, Measurement = m, Verdict = Verdict.Disputed, Figure = 790m, Reason = "double counted" }, _ledger.Mx);
        _ledger.Submit(resolution, _ledger.Verifier);

        Assert.Equal([Verdict.Disputed, Verdict.Resolved], _ledger.State.Measurements[m].Attestations.Select(a => a.Record.Verdict));
    }

    [Fact]
    public void Check_RevokedKey_SignsNothingAfterItsRevocation()
    {
        using var successor = SigningKey.Generate();
        _ledger.Submit(new KeyRecord { Author = LedgerFixture.UsId, RecordedAt = LedgerFixture.At, Party = LedgerFixture.UsId, Action = KeyAction.Add, PublicKey = LedgerFixture.B64(successor) }, _ledger.Us);
        _ledger.Submit(new KeyRecord { Author = LedgerFixture.UsId, RecordedAt = LedgerFixture.At, Party = LedgerFixture.UsId, Action = KeyAction.Revoke, PublicKey = LedgerFixture.B64(_ledger.Us) }, successor);

        AssertRejected(_ledger.Try(LedgerFixture.Measurement(), _ledger.Us), "signatures[0].keyid", "was revoked at entry 9");
        _ledger.Submit(LedgerFixture.Measurement(), successor);
    }

    [Fact]
    public void Check_RevokingTheLastKey_IsRefused() =>
        AssertRejected(
            _ledger.Try(new KeyRecord { Author = LedgerFixture.UsId, RecordedAt = LedgerFixture.At, Party = LedgerFixture.UsId, Action = KeyAction.Revoke, PublicKey = LedgerFixture.B64(_ledger.Us) }, _ledger.Us),
            "publicKey", "without an active key");

    [Fact]
    public void Check_PartyChangingAnotherPartysKeys_IsRejected()
    {
        using var intruder = SigningKey.Generate();
        AssertRejected(
            _ledger.Try(new KeyRecord { Author = LedgerFixture.MxId, RecordedAt = LedgerFixture.At, Party = LedgerFixture.UsId, Action = KeyAction.Add, PublicKey = LedgerFixture.B64(intruder) }, _ledger.Mx),
            "party", "cannot change the keys of party 'us'");
    }

    [Fact]
    public void Check_PartyRegisteringAParty_IsRejected()
    {
        using var key = SigningKey.Generate();
        var record = new PartyRecord { Author = LedgerFixture.UsId, RecordedAt = LedgerFixture.At, Id = new("ca"), Name = "Canada", Role = PartyRole.Party, Keys = [LedgerFixture.B64(key)] };
        AssertRejected(_ledger.Try(record, _ledger.Us), "author", "only the ledger's operator");
    }

    [Fact]
    public void Check_TargetMovingTheWrongWay_IsRejected()
    {
        var record = LedgerFixture.Indicator() with { Id = new("other"), Targets = [new Target(new DateOnly(2026, 12, 31), TargetBasis.Agreed, RelativeChange: 0.25m)] };
        AssertRejected(_ledger.Try(record, _ledger.Us), "targets[0].relativeChange", "must move down");
    }

    [Fact]
    public void Check_DuplicateIndicatorId_IsRejected() =>
        AssertRejected(_ledger.Try(LedgerFixture.Indicator(), _ledger.Us), "id", "already exists");

    [Fact]
    public void Check_BadId_NamesTheRule() =>
        AssertRejected(_ledger.Try(LedgerFixture.Indicator() with { Id = new("Bad_Id") }, _ledger.Us), "id", "lowercase letters, digits and single hyphens");

    [Fact]
    public void Check_OversizeEntry_IsRejected()
    {
        var record = LedgerFixture.Measurement() with { Note = new string('x', 70_000) };
        AssertRejected(_ledger.Try(record, _ledger.Us), "entry", "at most 65536");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"payload":"e30=","payloadType":"application/vnd.outcomeledger.measurement+json","signatures":[{"keyid":"k","sig":"AQID"}]}""")]
    public void Check_MalformedEntry_IsRejectedWithAReason(string leaf)
    {
        var check = _ledger.State.Check(Encoding.UTF8.GetBytes(leaf));
        Assert.False(check.IsAccepted);
        Assert.All(check.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Check_UnknownField_IsRejectedNamingIt()
    {
        var payload = """{"author":"us","bogus":1,"indicator":"sw-border-fentanyl-seizures","kind":"measurement","period":"2026-01","recordedAt":"2026-02-01T12:00:00Z","schema":1,"source":{"dataset":"x"},"value":"1"}"""u8.ToArray();
        const string type = "application/vnd.outcomeledger.measurement+json";
        var signature = _ledger.Us.Sign(DsseEnvelope.PreAuthenticationEncoding(type, payload));
        var leaf = new DsseEnvelope(type, payload, [new DsseSignature(_ledger.Us.KeyId, signature)]).ToCanonicalJson();

        var check = _ledger.State.Check(leaf);

        Assert.Contains(check.Errors, e => e.Message.Contains("bogus", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NumberNotAsCanonicalDecimalString_IsRejected()
    {
        var payload = """{"author":"us","indicator":"sw-border-fentanyl-seizures","kind":"measurement","period":"2026-01","recordedAt":"2026-02-01T12:00:00Z","schema":1,"source":{"dataset":"x"},"value":"1.50"}"""u8.ToArray();
        const string type = "application/vnd.outcomeledger.measurement+json";
        var signature = _ledger.Us.Sign(DsseEnvelope.PreAuthenticationEncoding(type, payload));
        var leaf = new DsseEnvelope(type, payload, [new DsseSignature(_ledger.Us.KeyId, signature)]).ToCanonicalJson();

        var check = _ledger.State.Check(leaf);

        Assert.Contains(check.Errors, e => e.Message.Contains("decimal string", StringComparison.Ordinal));
    }
}
