using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Tests.Ledger;

namespace OutcomeLedger.Core.Tests.Entries;

public sealed class EntryCodecTests
{
    /// <summary>One record of every kind, and measurements whose text the ordered writer cannot make canonical by itself.</summary>
    public static IEnumerable<LedgerRecord> Records()
    {
        using var fixture = new LedgerFixture();
        var key = new KeyRecord { Author = LedgerFixture.UsId, RecordedAt = LedgerFixture.At, Party = LedgerFixture.UsId, Action = KeyAction.Add, PublicKey = LedgerFixture.B64(fixture.Mx) };
        var policy = new PolicyRecord { Author = LedgerFixture.OperatorId, RecordedAt = LedgerFixture.At, Agreement = new("us-mx-security"), Policy = new EvaluationPolicy() };
        var attestation = new AttestationRecord
        {
            Author = LedgerFixture.MxId,
            RecordedAt = LedgerFixture.At,
            Measurement = 9,
            Verdict = Verdict.Disputed,
            Figure = 700m,
            Reason = "Our count differs: \"provisional\" <revised> & 'late' + €",
        };
        LedgerRecord[] records =
        [
            new PartyRecord { Author = LedgerFixture.OperatorId, RecordedAt = LedgerFixture.At, Id = LedgerFixture.MxId, Name = "México", Role = PartyRole.Party, Keys = [LedgerFixture.B64(fixture.Mx)] },
            key,
            new AgreementRecord { Author = LedgerFixture.OperatorId, RecordedAt = LedgerFixture.At, Id = new("us-mx-security"), Title = "U.S.–Mexico security cooperation", Parties = [LedgerFixture.UsId, LedgerFixture.MxId] },
            policy,
            LedgerFixture.Indicator(),
            LedgerFixture.Measurement(),
            LedgerFixture.Measurement() with { Dimensions = new Dictionary<string, string> { ["usbp"] = "x", ["component"] = "ofo" }, Note = "tab\there, bell\u0007, emoji 🙂, \\ and /" },
            LedgerFixture.Measurement() with { Evidence = ["00ff"], Provisional = true, Value = -0.000001m },
            attestation,
        ];
        return records;
    }

    public static TheoryData<int> RecordIndexes() => [.. Enumerable.Range(0, Records().Count())];

    [Theory]
    [MemberData(nameof(RecordIndexes))]
    public void CanonicalPayload_Record_IsTheCanonicalFormOfItsJson(int index)
    {
        var record = Records().ElementAt(index);
        var expected = CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(record, RecordJson.Options));

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(EntryCodec.CanonicalPayload(record)));
    }

    [Theory]
    [MemberData(nameof(RecordIndexes))]
    public void TryOpen_SignedRecord_ReadsItBack(int index)
    {
        var record = Records().ElementAt(index);
        using var key = SigningKey.FromSeed(Enumerable.Repeat((byte)7, 32).ToArray());
        var leaf = EntryCodec.Sign(record, key);

        Assert.True(EntryCodec.TryOpen(leaf, out var envelope, out var read, out var error), error);
        Assert.Equal(record.GetType(), read!.GetType());
        Assert.Equal(EntryCodec.CanonicalPayload(record), EntryCodec.CanonicalPayload(read));
        Assert.True(EntryCodec.TryReadKnownKind(envelope!, out _));
    }

    /// <summary>
    /// The direct reader may only take what the general reader takes, as the same record: every kind's payload under
    /// every payload type, with fields changed, removed and added.
    /// </summary>
    [Fact]
    public void TryReadKnownKind_ChangedPayloads_AcceptsOnlyWhatTheGeneralReaderAccepts()
    {
        var kinds = RecordJson.RecordTypes.Keys.Append("unknown").ToList();
        var payloads = Records().SelectMany(Variants).Distinct().ToList();
        var accepted = 0;
        var refused = 0;
        foreach (var payload in payloads)
        {
            foreach (var kind in kinds)
            {
                var envelope = new DsseEnvelope(EntryCodec.PayloadType(kind), payload, []);
                var general = EntryCodec.TryReadAnyKind(envelope, out var generalRecord, out var error);
                if (EntryCodec.TryReadKnownKind(envelope, out var direct))
                {
                    Assert.True(general, $"{kind}: the direct reader took {Encoding.UTF8.GetString(payload)}, which the general reader refuses: {error}");
                    Assert.Equal(EntryCodec.CanonicalPayload(generalRecord!), EntryCodec.CanonicalPayload(direct!));
                    accepted++;
                }
                else
                {
                    Assert.False(general, $"{kind}: the direct reader refused {Encoding.UTF8.GetString(payload)}, which the general reader takes");
                    refused++;
                }
            }
        }

        // Both outcomes were exercised, many times.
        Assert.True(accepted >= Records().Count(), $"{accepted} accepted");
        Assert.True(refused > 10 * accepted, $"{refused} refused");
    }

    static IEnumerable<string> Changes() => ["kind=measurement", "kind=party", "kind=", "-kind", "-schema", "schema=2", "evidence=[]", "extra=1", "-author", "value=1.50", "provisional=false", "author=1"];

    static IEnumerable<byte[]> Variants(LedgerRecord record)
    {
        var payload = EntryCodec.CanonicalPayload(record);
        yield return payload;
        foreach (var change in Changes())
        {
            var node = JsonNode.Parse(payload)!.AsObject();
            if (change.StartsWith('-'))
            {
                node.Remove(change[1..]);
            }
            else
            {
                var (name, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                node[name] = value switch
                {
                    "[]" => new JsonArray(),
                    "1" => 1,
                    "2" => 2,
                    "false" => false,
                    _ => value,
                };
            }

            yield return CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(node.ToJsonString()));
        }
    }
}
