using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Storage.Tests.Support;

// Parties, keys, agreements, policies, statements, commitments and indicators: each mostly valid, otherwise broken
// in one of the ways its rules name.
public sealed partial class RandomEntryStream
{
    static readonly string[] Statuses = ["self-reported", "acknowledged", "disputed", "verified", "verification-failed", "resolved"];
    static readonly string[] Languages = ["en", "es", "es-MX", "fr-CA"];
    static readonly (string Name, string[] Values)[] DimensionChoices =
    [
        ("region", ["north", "south", "east", "west"]),
        ("sex", ["female", "male"]),
        ("age", ["0-17", "18-64", "65+"]),
    ];

    StreamEntry Party()
    {
        var role = Chance(75) ? PartyRole.Party : PartyRole.Verifier;
        var id = new PartyId(NextId(role == PartyRole.Party ? "party" : "verifier"));
        var keys = Enumerable.Range(0, _random.Next(1, 3)).Select(_ => PublicKey(NewKey())).ToList();
        var valid = new PartyRecord { Author = Operator, RecordedAt = At(), Id = id, Name = $"Party {id.Value}", Role = role, Keys = keys };
        return _random.Next(12) switch
        {
            < 6 => By(valid, "party: new"),
            6 => By(valid with { Id = Pick(Registered()) }, "party: already registered"),
            7 => By(valid with { Role = PartyRole.Operator }, "party: a second operator"),
            8 => By(valid with { Keys = [PublicKey(KeyOf(Pick(Registered())))] }, "party: another party's key"),
            9 => By(valid with { Author = Pick(Registered()) }, "party: registered by a party"),
            10 => By(valid with { Id = new PartyId("Not An Id") }, "party: bad id"),
            _ => By(valid with { Keys = [] }, "party: no keys"),
        };
    }

    void QueueKeyChange()
    {
        var party = Pick(Registered());
        var active = ActiveKeys(party);
        var author = Chance(75) ? party : Operator;
        KeyRecord Key(KeyAction action, string publicKey) => new() { Author = author, RecordedAt = At(), Party = party, Action = action, PublicKey = publicKey };
        switch (_random.Next(20))
        {
            case < 8:
                var next = NewKey();
                Queue(() => By(Key(KeyAction.Add, PublicKey(next)), "key: add"));
                break;
            case < 14 when active.Count >= 2:
                // The revoked key then signs something: refused from the revocation on, also in the same batch.
                var revoked = Pick(active);
                Queue(() => By(Key(KeyAction.Revoke, PublicKey(revoked)), "key: revoke"));
                Queue(() => SomethingBy(party, revoked, "signed by a revoked key, straight after its revocation"));
                break;
            case < 14:
                Queue(() => By(Key(KeyAction.Revoke, PublicKey(active.Count > 0 ? active[0] : NewKey())), "key: revoke the last active key"));
                break;
            case 14:
                Queue(() => RevokedKeys(party) is [_, ..] gone
                    ? By(Key(KeyAction.Revoke, PublicKey(Pick(gone))), "key: revoke a revoked key")
                    : By(Key(KeyAction.Revoke, PublicKey(NewKey())), "key: revoke a key never added"));
                break;
            case 15:
                Queue(() => By(Key(KeyAction.Add, PublicKey(KeyOf(Pick(Registered())))), "key: add another party's key"));
                break;
            case 16:
                var other = Pick(Registered().Where(p => p != party).ToList());
                Queue(() => By(Key(KeyAction.Add, PublicKey(NewKey())) with { Author = other }, "key: change another party's keys"));
                break;
            case 17:
                Queue(() => By(Key(KeyAction.Add, PublicKey(NewKey())) with { Author = Operator, Party = new PartyId("unregistered") }, "key: for an unregistered party"));
                break;
            case 18:
                Queue(() => By(Key(KeyAction.Add, "not-a-key"), "key: not a key"));
                break;
            default:
                Queue(() => SomethingBy(party, NewKey(), "signed by a key never registered"));
                break;
        }
    }

    StreamEntry SignedByRevokedKey()
    {
        var parties = _logged.Parties.Values.Where(p => RevokedKeys(p.Id).Count > 0).Select(p => p.Id).ToList();
        if (parties.Count == 0)
        {
            return BadSignature();
        }

        var party = Pick(parties);
        return SomethingBy(party, Pick(RevokedKeys(party)), "signed by a revoked key");
    }

    StreamEntry Agreement(AgreementId id, int invalid = 30)
    {
        var members = PartiesWith(PartyRole.Party);
        var parties = Some(members, 1, 3);
        var valid = new AgreementRecord { Author = Operator, RecordedAt = At(), Id = id, Title = $"Agreement {id.Value}", Parties = parties };
        if (!Chance(invalid))
        {
            return By(valid, "agreement: new");
        }

        return _random.Next(4) switch
        {
            0 when PickAgreement() is { } existing => By(valid with { Id = existing.Record.Id }, "agreement: existing id"),
            1 => By(valid with { Parties = [.. parties, new PartyId("unregistered")] }, "agreement: unregistered party"),
            2 => By(valid with { Author = Pick(members) }, "agreement: by a party"),
            _ => By(valid with { Parties = [.. parties, parties[0]] }, "agreement: a party twice"),
        };
    }

    StreamEntry Policy(AgreementId agreement)
    {
        var logged = _logged.FindPolicies(agreement)?.All.Count ?? 0;
        var scenario = _logged.FindAgreement(agreement) is null ? "policy: for no agreement"
            : logged switch { 0 => "policy: first for its agreement", 1 => "policy: second for its agreement", _ => "policy: third or later for its agreement" };
        var policy = new EvaluationPolicy
        {
            CountsTowardMet = Some(Statuses, 1, 3),
            CountsTowardTrend = Some(Statuses, 1, 5),
            MinVerifiedShare = Pick([0m, 0.25m, 0.5m, 1m]),
            SignificantChange = Pick([0.05m, 0.1m, 0.2m]),
            MinPeriodsBefore = _random.Next(3, 25),
            MinPeriodsAfter = _random.Next(1, 13),
            ConfidenceLevel = Pick([0.8m, 0.9m, 0.95m, 0.99m]),
            Rollup = Pick(["worst", "all-met"]),
        };
        var record = new PolicyRecord { Author = Operator, RecordedAt = At(), Agreement = agreement, Policy = policy };
        return _random.Next(10) switch
        {
            0 => By(record with { Policy = policy with { ConfidenceLevel = 0.5m, Rollup = "best", CountsTowardMet = ["agreed"] } }, "policy: invalid values"),
            1 => By(record with { Author = Pick(PartiesWith(PartyRole.Party)) }, "policy: by a party"),
            _ => By(record, scenario),
        };
    }

    StreamEntry Statement(StatementId id, PartyId? author, int invalid = 30)
    {
        var record = StatementRecord(id, author ?? Pick(Registered()));
        if (!Chance(invalid))
        {
            return By(record, "statement: new");
        }

        return _random.Next(4) switch
        {
            0 when PickStatement() is { } existing => By(record with { Id = existing.Record.Id }, "statement: existing id"),
            1 => By(record with { SourceUrl = "ftp://example.org/statement" }, "statement: not an http address"),
            2 => By(record with { Quotes = [new Quote("in so many words", "english")] }, "statement: not a language tag"),
            _ => By(record with { Parties = [.. record.Parties, new PartyId("unregistered")] }, "statement: unregistered party"),
        };
    }

    StatementRecord StatementRecord(StatementId id, PartyId author) => new()
    {
        Author = author,
        RecordedAt = At(),
        Id = id,
        Date = new DateOnly(2023, 1, 1).AddDays(_random.Next(4 * 365)),
        Title = $"Statement {id.Value}",
        Speaker = Chance(50) ? "A spokesperson" : null,
        Parties = Some(Registered(), 1, 2),
        StatementKind = Pick(Enum.GetValues<StatementKind>()),
        SourceUrl = $"https://example.org/statements/{id.Value}",
        SourceSha256 = Chance(30) ? Sha256() : null,
        Quotes = [.. Enumerable.Range(0, _random.Next(3)).Select(i => new Quote($"quote {i} of {id.Value}", Pick(Languages)))],
    };

    StreamEntry Commitment() => PickAgreement() is { } agreement && PickStatement() is { } statement
        ? Commitment(new CommitmentId(NextId("commitment")), agreement.Record.Id, [statement.Record.Id], invalid: 50)
        : Statement(new StatementId(NextId("statement")), author: null);

    StreamEntry Commitment(CommitmentId id, AgreementId agreementId, IReadOnlyList<StatementId> statements, int invalid = 10)
    {
        var members = _logged.FindAgreement(agreementId)?.Record.Parties ?? [Us];
        var dates = statements.Select(s => _logged.FindStatement(s)?.Record.Date).OfType<DateOnly>().ToList();
        var madeOn = (dates.Count > 0 ? dates.Max() : new DateOnly(2026, 1, 1)).AddDays(_random.Next(60));
        var valid = new CommitmentRecord
        {
            Author = Chance(60) ? Pick(members) : Operator,
            RecordedAt = At(),
            Id = id,
            Agreement = agreementId,
            Text = $"Commitment {id.Value}",
            Statements = statements,
            ResponsibleParties = Some(members, 1, members.Count),
            MadeOn = madeOn,
            DueDate = Chance(50) ? madeOn.AddDays(365) : null,
        };
        if (!Chance(invalid))
        {
            return By(valid, "commitment: new");
        }

        var outsiders = PartiesWith(PartyRole.Party).Where(p => !members.Contains(p)).ToList();
        return _random.Next(7) switch
        {
            0 when PickCommitment() is { } existing => By(valid with { Id = existing.Record.Id }, "commitment: existing id"),
            1 => By(valid with { Agreement = new AgreementId("no-such-agreement") }, "commitment: for no agreement"),
            2 when outsiders.Count > 0 => By(valid with { Author = Pick(outsiders) }, "commitment: by a non-member"),
            3 => By(valid with { ResponsibleParties = [.. valid.ResponsibleParties, outsiders.Count > 0 ? Pick(outsiders) : Operator] }, "commitment: responsible non-member"),
            4 => By(valid with { Statements = [.. statements, new StatementId("no-such-statement")] }, "commitment: unknown statement"),
            5 when dates.Count > 0 => By(valid with { MadeOn = dates.Min().AddDays(-1), DueDate = null }, "commitment: made before its statement"),
            _ => By(valid with { DueDate = madeOn.AddDays(-1) }, "commitment: due before made"),
        };
    }

    StreamEntry Indicator() => PickCommitment() is { } commitment
        ? Indicator(new IndicatorId(NextId("indicator")), commitment.Record.Id, invalid: 50)
        : NewMeasurement();

    StreamEntry Indicator(IndicatorId id, CommitmentId commitmentId, int invalid = 10)
    {
        var agreement = _logged.FindCommitment(commitmentId) is { } commitment ? _logged.FindAgreement(commitment.Record.Agreement)?.Record : null;
        var members = agreement?.Parties ?? [Us];
        var verifiers = PartiesWith(PartyRole.Verifier);
        var type = Pick(Enum.GetValues<MeasureType>());
        var direction = Pick(Enum.GetValues<Direction>());
        var periodType = Pick(Enum.GetValues<PeriodType>());
        var baseline = Chance(40) ? new Baseline(PeriodIn(periodType, 2020, first: true), PeriodIn(periodType, 2021, first: false), Chance(50) ? Amount(100, 1) + 1 : null) : null;
        var valid = new IndicatorRecord
        {
            Author = Chance(70) ? Pick(members) : Operator,
            RecordedAt = At(),
            Id = id,
            Commitment = commitmentId,
            Name = $"Indicator {id.Value}",
            Unit = type == MeasureType.Percent ? "%" : Pick(["lb", "victims", "USD", "per 100k"]),
            MeasureType = type,
            Direction = direction,
            PeriodType = periodType,
            Aggregation = Pick(Enum.GetValues<Aggregation>()),
            Reporter = Chance(80) || verifiers.Count == 0 ? Pick(members) : Pick(verifiers),
            Dimensions = Chance(50) ? new Dictionary<string, IReadOnlyList<string>>() : Dimensions(),
            Baseline = baseline,
            Targets = baseline is null ? [] : [new Target(new DateOnly(2028, 12, 31), TargetBasis.Agreed, RelativeChange: direction == Direction.Down ? -0.2m : 0.2m)],
            DataSource = "published statistics",
            PairedIndicator = Chance(15) ? PickIndicator()?.Record.Id : null,
        };
        if (!Chance(invalid))
        {
            return By(valid, valid.Dimensions.Count > 0 ? "indicator: new with dimensions" : "indicator: new without dimensions");
        }

        var outsiders = PartiesWith(PartyRole.Party).Where(p => !members.Contains(p)).ToList();
        return _random.Next(7) switch
        {
            0 when PickIndicator() is { } existing => By(valid with { Id = existing.Record.Id }, "indicator: existing id"),
            1 => By(valid with { Commitment = new CommitmentId("no-such-commitment") }, "indicator: for no commitment"),
            2 when outsiders.Count > 0 => By(valid with { Reporter = Pick(outsiders) }, "indicator: reported by a non-member"),
            3 when outsiders.Count > 0 => By(valid with { Author = Pick(outsiders) }, "indicator: by a non-member"),
            4 => By(valid with { MeasureType = MeasureType.Percent, Unit = "lb" }, "indicator: percent not in %"),
            5 => By(valid with { PairedIndicator = new IndicatorId("no-such-indicator") }, "indicator: paired with no indicator"),
            _ => By(valid with { Targets = [new Target(new DateOnly(2028, 12, 31), TargetBasis.Agreed, RelativeChange: direction == Direction.Down ? 0.2m : -0.2m)] }, "indicator: target the wrong way"),
        };
    }

    Dictionary<string, IReadOnlyList<string>> Dimensions() =>
        Some(DimensionChoices, 1, 2).ToDictionary(d => d.Name, d => (IReadOnlyList<string>)Some(d.Values, 2, d.Values.Length), StringComparer.Ordinal);

    static Period PeriodIn(PeriodType type, int year, bool first) => type switch
    {
        PeriodType.Month => Period.Month(year, first ? 1 : 12),
        PeriodType.Quarter => new Period(PeriodType.Quarter, year, first ? 1 : 4),
        _ => new Period(PeriodType.Year, year, 1),
    };

    List<PartyId> Registered() => [.. _logged.Parties.Values.Where(p => p.Role != PartyRole.Operator).Select(p => p.Id)];

    List<PartyId> PartiesWith(PartyRole role) => [.. _logged.Parties.Values.Where(p => p.Role == role).Select(p => p.Id)];

    List<SigningKey> RevokedKeys(PartyId party) => _logged.FindParty(party) is { } registered
        ? [.. registered.RevokedAt.Keys.Where(_keys.ContainsKey).Select(k => _keys[k])]
        : [];

    Logged<AgreementRecord>? PickAgreement() => PickOf(_logged.Agreements);

    Logged<StatementRecord>? PickStatement() => PickOf(_logged.Statements);

    Logged<CommitmentRecord>? PickCommitment() => PickOf(_logged.Commitments);

    Logged<IndicatorRecord>? PickIndicator() => PickOf(_logged.Indicators);

    T? PickOf<TKey, T>(IReadOnlyDictionary<TKey, T> logged)
        where T : class => logged.Count == 0 ? null : logged.Values.ElementAt(_random.Next(logged.Count));

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> distinct items, in their order.</summary>
    List<T> Some<T>(IReadOnlyList<T> items, int min, int max)
    {
        var count = Math.Min(items.Count, _random.Next(min, max + 1));
        var chosen = new SortedSet<int>();
        while (chosen.Count < count)
        {
            chosen.Add(_random.Next(items.Count));
        }

        return [.. chosen.Select(i => items[i])];
    }

    string Sha256()
    {
        var bytes = new byte[32];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
