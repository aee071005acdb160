using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Storage.Tests.Support;

// Measurements, corrections, attestations and resolutions; resubmissions, records signed again, bad signatures and
// malformed bytes.
public sealed partial class RandomEntryStream
{
    StreamEntry NewMeasurement() => PickIndicator() is { } indicator
        ? MeasurementOf(indicator.Record.Id)
        : Statement(new StatementId(NextId("statement")), author: null);

    /// <summary>A value of the indicator: new for its series, or else (mostly) a correction of the series' current value.</summary>
    StreamEntry MeasurementOf(IndicatorId id)
    {
        if (_logged.FindIndicator(id) is not { } indicator)
        {
            // The indicator this burst defined was refused: its values are refused too.
            return By(MeasurementRecord(PickIndicator()!.Record) with { Indicator = id }, "measurement: unknown indicator");
        }

        var like = MeasurementRecord(indicator.Record);
        if (_logged.CurrentMeasurement(like) is not { } current)
        {
            return By(like, like.Dimensions.Count > 0 ? "measurement: new value with dimensions" : "measurement: new value without dimensions", indicator.Index);
        }

        return Chance(10)
            ? By(like, "measurement: second value without a correction", indicator.Index)
            : By(like with { Supersedes = current.Index, Note = "revised by the source" }, CorrectionScenario(current), indicator.Index);
    }

    MeasurementRecord MeasurementRecord(IndicatorRecord indicator) => new()
    {
        Author = indicator.Reporter,
        RecordedAt = At(),
        Indicator = indicator.Id,
        Period = PeriodOf(indicator.PeriodType),
        Dimensions = DimensionsOf(indicator),
        Value = ValueOf(indicator.MeasureType),
        Source = new MeasurementSource("published statistics", Chance(50) ? "https://example.org/data" : null),
        Evidence = Chance(10) ? [Sha256()] : [],
        Provisional = Chance(10),
    };

    // Few periods, so that series fill up and values collide with logged ones.
    Period PeriodOf(PeriodType type) => type switch
    {
        PeriodType.Month => Period.Month(_random.Next(2024, 2027), _random.Next(1, 13)),
        PeriodType.Quarter => new Period(PeriodType.Quarter, _random.Next(2022, 2027), _random.Next(1, 5)),
        _ => new Period(PeriodType.Year, _random.Next(2012, 2027), 1),
    };

    // Usually every declared dimension, sometimes some or none of them: each choice is a series of its own.
    Dictionary<string, string> DimensionsOf(IndicatorRecord indicator)
    {
        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (indicator.Dimensions.Count > 0 && Chance(85))
        {
            foreach (var (name, values) in indicator.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                if (Chance(85))
                {
                    dimensions[name] = Pick(values);
                }
            }
        }

        return dimensions;
    }

    decimal ValueOf(MeasureType type) => type switch
    {
        MeasureType.Count => _random.Next(0, 5000),
        MeasureType.Amount => Amount(5000, 2),
        MeasureType.Percent => Amount(100, 1),
        _ => Amount(50, 3),
    };

    static string CorrectionScenario(MeasurementState current) => current.Record.Supersedes is null
        ? "measurement: correction of the current value"
        : "measurement: correction of a correction (chain)";

    StreamEntry Correction()
    {
        if (_measurements.Count == 0)
        {
            return NewMeasurement();
        }

        var measurement = PickMeasurement();
        var value = ValueOf(_logged.FindIndicator(measurement.Record.Indicator)!.Record.MeasureType);
        switch (_random.Next(10))
        {
            case < 5:
                return Correction(measurement);
            case < 7 when PickMeasurement(m => m.SupersededBy is not null) is { } corrected:
                return By(corrected.Record with { RecordedAt = At(), Value = value, Supersedes = corrected.Index }, "measurement: correction of an already-corrected value", corrected.Index);
            case 7 when PickMeasurement(m => m.Record.Author == measurement.Record.Author && m.SeriesKey != measurement.SeriesKey) is { } other:
                return By(measurement.Record with { RecordedAt = At(), Value = value, Supersedes = other.Index }, "measurement: correction of another series", other.Index);
            case 8:
                var current = _logged.CurrentMeasurement(measurement.SeriesKey)!;
                var party = Pick(Registered().Where(p => p != current.Record.Author).ToList());
                return By(current.Record with { Author = party, RecordedAt = At(), Value = value, Supersedes = current.Index }, "measurement: correction by another party", current.Index);
            default:
                return By(measurement.Record with { RecordedAt = At(), Supersedes = Chance(50) ? 1 : _logged.Size + 3 }, "measurement: supersedes an entry that is not a measurement");
        }
    }

    /// <summary>A correction of the current value of <paramref name="measurement"/>'s series.</summary>
    StreamEntry Correction(MeasurementState? measurement)
    {
        if (measurement is null)
        {
            return NewMeasurement();
        }

        var current = _logged.CurrentMeasurement(measurement.SeriesKey)!;
        var value = ValueOf(_logged.FindIndicator(current.Record.Indicator)!.Record.MeasureType);
        return By(current.Record with { RecordedAt = At(), Value = value, Supersedes = current.Index, Provisional = Chance(25), Note = "revised by the source" }, CorrectionScenario(current), current.Index);
    }

    StreamEntry InvalidMeasurement()
    {
        if (PickIndicator() is not { } indicator)
        {
            return NewMeasurement();
        }

        var like = MeasurementRecord(indicator.Record);
        return _random.Next(8) switch
        {
            0 => By(like with { Indicator = new IndicatorId("no-such-indicator") }, "measurement: unknown indicator"),
            1 => By(like with { Author = Pick(Registered().Where(p => p != like.Author).ToList()) }, "measurement: by a party that does not report it"),
            2 => By(like with { Period = PeriodOf(Pick(Enum.GetValues<PeriodType>().Where(t => t != like.Period.Type).ToList())) }, "measurement: period of another type"),
            3 => By(like with { Dimensions = new Dictionary<string, string>(like.Dimensions) { ["colour"] = "red" } }, "measurement: undeclared dimension"),
            4 when indicator.Record.Dimensions.Count > 0 => By(like with { Dimensions = new Dictionary<string, string> { [indicator.Record.Dimensions.Keys.First()] = "elsewhere" } }, "measurement: undeclared dimension value"),
            5 when indicator.Record.MeasureType != MeasureType.Rate => By(like with { Value = indicator.Record.MeasureType == MeasureType.Percent ? 101 : -1.5m }, "measurement: value out of range"),
            6 => By(like with { Source = new MeasurementSource(" ", "ftp://example.org/data") }, "measurement: bad source"),
            _ => By(like with { Evidence = ["not-a-hash"] }, "measurement: bad evidence"),
        };
    }

    StreamEntry Attestation()
    {
        if (_measurements.Count == 0)
        {
            return NewMeasurement();
        }

        var measurement = PickMeasurement();
        var reporter = measurement.Record.Author;
        AttestationRecord Like(PartyId author, Verdict verdict) => new()
        {
            Author = author,
            RecordedAt = At(),
            Measurement = measurement.Index,
            Verdict = verdict,
            Figure = verdict is Verdict.Disputed or Verdict.Resolved ? decimal.Truncate(measurement.Record.Value) + 1 : null,
            Reason = verdict is Verdict.Disputed or Verdict.VerificationFailed or Verdict.Resolved ? "our records differ" : null,
        };

        return _random.Next(20) switch
        {
            < 15 => Attest(measurement, Pick([Verdict.Acknowledged, Verdict.Disputed, Verdict.Verified, Verdict.VerificationFailed])),
            15 => By(Like(reporter, Pick([Verdict.Acknowledged, Verdict.Disputed])), "attestation: on its own measurement", measurement.Index),
            16 => By(Like(Operator, Pick([Verdict.Acknowledged, Verdict.Disputed])), "attestation: acknowledged or disputed by the operator", measurement.Index),
            17 => By(Like(Counterparty(reporter), Verdict.Disputed) with { Figure = Chance(50) ? null : 1, Reason = Chance(50) ? null : " " }, "attestation: dispute without figure or reason", measurement.Index),
            18 => By(Like(Counterparty(reporter, verifiers: false), Pick([Verdict.Verified, Verdict.VerificationFailed])), "attestation: verified by a party", measurement.Index),
            _ => By(Like(Counterparty(reporter), Verdict.Acknowledged) with { Measurement = Chance(50) ? 1 : _logged.Size + 2 }, "attestation: on an entry that is not a measurement"),
        };
    }

    /// <summary>A valid attestation of <paramref name="verdict"/> on the measurement, by a party that may give it.</summary>
    StreamEntry Attest(MeasurementState measurement, Verdict verdict)
    {
        var reporter = measurement.Record.Author;
        var author = verdict switch
        {
            Verdict.Acknowledged or Verdict.Disputed => Counterparty(reporter),
            Verdict.Verified or Verdict.VerificationFailed => Pick(PartiesWith(PartyRole.Verifier).Where(p => p != reporter).DefaultIfEmpty(Gao).ToList()),
            _ => Pick(PartiesWith(PartyRole.Verifier).Where(p => p != reporter).DefaultIfEmpty(Gao).ToList()),
        };
        if (verdict == Verdict.Disputed)
        {
            _disputed.Add(measurement.Index);
        }

        var record = new AttestationRecord
        {
            Author = author,
            RecordedAt = At(),
            Measurement = measurement.Index,
            Verdict = verdict,
            Figure = verdict switch { Verdict.Disputed => decimal.Truncate(measurement.Record.Value) + 1, Verdict.Resolved => measurement.Record.Value, _ => null },
            Reason = verdict is Verdict.Disputed or Verdict.VerificationFailed or Verdict.Resolved ? "our records differ" : null,
            Evidence = Chance(10) ? [Sha256()] : [],
        };
        return By(record, "attestation: " + System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(verdict.ToString()), measurement.Index);
    }

    /// <summary>An attestation on the latest measurement logged, usually one just submitted.</summary>
    StreamEntry AttestLatest() => Latest(1) is { } latest
        ? Attest(latest, Pick([Verdict.Acknowledged, Verdict.Disputed, Verdict.Verified]))
        : NewMeasurement();

    StreamEntry Resolution()
    {
        var disputed = _disputed.Count > 0 && Chance(65) ? _logged.FindMeasurement(Pick(_disputed)) : null;
        if (disputed is not null && disputed.Attestations.Any(a => a.Record.Verdict == Verdict.Disputed))
        {
            var disputer = disputed.Attestations.Last(a => a.Record.Verdict == Verdict.Disputed).Record.Author;
            AttestationRecord Settle(PartyId author, Verdict verdict) => new()
            {
                Author = author,
                RecordedAt = At(),
                Measurement = disputed.Index,
                Verdict = verdict,
                Figure = verdict == Verdict.Resolved ? 1 : null,
                Reason = "we say so",
            };
            return _random.Next(20) switch
            {
                < 3 => By(Settle(Operator, Verdict.Resolved), "attestation: resolution by the operator", disputed.Index),
                < 7 => By(Settle(disputer, Verdict.Withdrawn), "attestation: withdrawal by the disputer", disputed.Index),
                < 9 => By(Settle(Operator, Verdict.Withdrawn), "attestation: withdrawal by another than the disputer", disputed.Index),
                _ => Attest(disputed, Verdict.Resolved) with { Scenario = "attestation: resolution of a disputed value" },
            };
        }

        return PickMeasurement(m => !m.Attestations.Any(a => a.Record.Verdict == Verdict.Disputed)) is { } undisputed
            ? Attest(undisputed, Verdict.Resolved) with { Scenario = "attestation: resolution of an undisputed value" }
            : Attestation();
    }

    /// <summary>A registered party other than the reporter (verifiers too, unless not wanted), never the operator.</summary>
    PartyId Counterparty(PartyId reporter, bool verifiers = true) =>
        Pick(_logged.Parties.Values.Where(p => p.Id != reporter && (p.Role == PartyRole.Party || (verifiers && p.Role == PartyRole.Verifier))).Select(p => p.Id).ToList());

    /// <summary>A logged measurement: half the time one of the ten latest, otherwise any.</summary>
    MeasurementState PickMeasurement()
    {
        var index = Chance(50) ? _measurements[^(1 + _random.Next(Math.Min(10, _measurements.Count)))] : Pick(_measurements);
        return _logged.FindMeasurement(index)!;
    }

    MeasurementState? PickMeasurement(Func<MeasurementState, bool> wanted)
    {
        for (var attempt = 0; attempt < 40 && _measurements.Count > 0; attempt++)
        {
            if (PickMeasurement() is var measurement && wanted(measurement))
            {
                return measurement;
            }
        }

        return null;
    }

    StreamEntry Resubmission()
    {
        int position;
        string scenario;
        switch (_random.Next(12))
        {
            case < 3:
                position = _entries.Count - 1 - _random.Next(Math.Min(10, _entries.Count));
                scenario = "resubmission: a recent entry";
                break;
            case 3:
                position = _entries.Count - 1;
                scenario = "resubmission: the entry just submitted";
                break;
            case < 6:
                position = _random.Next(_entries.Count);
                scenario = "resubmission: an earlier entry";
                break;
            case < 10:
                // An entry of a kind picked first, so that rare kinds come back too.
                var kind = Pick(_loggedByKind.Keys.Order(StringComparer.Ordinal).ToList());
                position = Pick(_loggedByKind[kind]);
                scenario = $"resubmission: an earlier {kind}";
                break;
            default:
                if (PickMeasurement(m => m.SupersededBy is not null) is not { } superseded)
                {
                    goto case 3;
                }

                position = _positions[superseded.LeafHash];
                scenario = "resubmission: a superseded measurement";
                break;
        }

        return _entries[position] with { Scenario = scenario, Target = null, Repeats = position };
    }

    /// <summary>A record logged or refused earlier, signed again: with another key of its author, or made again later.</summary>
    StreamEntry Resigned()
    {
        // Measurements often: signed again they meet the series rules (a value already logged, a value already corrected).
        var kinds = _positionsByKind.Keys.Where(k => k != "malformed").Order(StringComparer.Ordinal).ToList();
        var earlier = _entries[Pick(_positionsByKind[Chance(40) ? "measurement" : Pick(kinds)])];
        if (!EntryCodec.TryOpen(earlier.Data, out var envelope, out var record, out _))
        {
            return Resubmission();
        }

        var others = ActiveKeys(record!.Author).Where(k => k.KeyId != envelope!.Signatures[0].KeyId).ToList();
        return others.Count > 0 && Chance(70)
            ? Entry(record, Pick(others), $"same record: {record.Kind} signed with another key")
            : By(record with { RecordedAt = At() }, $"same record: {record.Kind} made again later");
    }

    /// <summary>A statement, or a value of an indicator it reports, by <paramref name="party"/>, signed with <paramref name="key"/>.</summary>
    StreamEntry SomethingBy(PartyId party, SigningKey key, string scenario)
    {
        var reported = _logged.Indicators.Values.Where(i => i.Record.Reporter == party).ToList();
        LedgerRecord record = reported.Count > 0 && Chance(50)
            ? MeasurementRecord(Pick(reported).Record)
            : StatementRecord(new StatementId(NextId("statement")), party);
        return Entry(record, key, scenario);
    }

    StreamEntry BadSignature()
    {
        var party = Pick(Registered());
        var signed = SomethingBy(party, KeyOf(party), "");
        Assert.True(DsseEnvelope.TryParse(signed.Data, out var envelope, out _));
        var signature = envelope!.Signatures[0];
        switch (_random.Next(3))
        {
            case 0:
                var flipped = (byte[])signature.Signature.Clone();
                flipped[_random.Next(flipped.Length)] ^= (byte)(1 << _random.Next(8));
                return signed with { Data = new DsseEnvelope(envelope.PayloadType, envelope.Payload, [signature with { Signature = flipped }]).ToCanonicalJson(), Scenario = "bad signature: a bit flipped" };
            case 1:
                // Another record of the same kind under the first one's signature: it opens, but does not verify.
                var other = SomethingBy(party, KeyOf(party), "");
                Assert.True(DsseEnvelope.TryParse(other.Data, out var second, out _));
                return other with { Data = new DsseEnvelope(second!.PayloadType, second.Payload, [signature]).ToCanonicalJson(), Scenario = "bad signature: another payload" };
            default:
                var someoneElse = Pick(Registered().Where(p => p != party).ToList());
                return SomethingBy(party, KeyOf(someoneElse), "bad signature: another party's key");
        }
    }

    StreamEntry Malformed()
    {
        var party = Pick(Registered());
        var signed = SomethingBy(party, KeyOf(party), "");
        Assert.True(DsseEnvelope.TryParse(signed.Data, out var envelope, out _));
        byte[] data;
        string scenario;
        switch (_random.Next(7))
        {
            case 0:
                data = new byte[_random.Next(1, 100)];
                _random.NextBytes(data);
                scenario = "malformed: not JSON";
                break;
            case 1:
                data = "{}"u8.ToArray();
                scenario = "malformed: an empty object";
                break;
            case 2:
                data = signed.Data[..(signed.Data.Length - _random.Next(1, signed.Data.Length))];
                scenario = "malformed: truncated";
                break;
            case 3:
                var again = KeyOf(party).Sign(envelope!.PreAuthenticationEncoding());
                data = new DsseEnvelope(envelope.PayloadType, envelope.Payload, [envelope.Signatures[0], new DsseSignature(envelope.Signatures[0].KeyId, again)]).ToCanonicalJson();
                scenario = "malformed: two signatures";
                break;
            case 4:
                data = new DsseEnvelope(EntryCodec.PayloadType(signed.Kind == "statement" ? "measurement" : "statement"), envelope!.Payload, envelope.Signatures).ToCanonicalJson();
                scenario = "malformed: the payload type of another kind";
                break;
            case 5:
                data = new DsseEnvelope(EntryCodec.PayloadType("promise"), envelope!.Payload, envelope.Signatures).ToCanonicalJson();
                scenario = "malformed: an unknown kind";
                break;
            default:
                data = new byte[EntryCodec.MaxEntrySize + 1];
                scenario = "malformed: too large";
                break;
        }

        return new StreamEntry(data, "malformed", scenario);
    }
}
