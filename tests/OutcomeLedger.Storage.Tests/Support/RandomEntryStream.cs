using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Storage.Tests.Support;

/// <summary>
/// A seeded, reproducible stream of signed entries of every record kind, valid and invalid, for differential tests of
/// the sequencer: after a short setup (the operator, three parties, an agreement and its policy, a statement, a
/// commitment, three indicators), a random mix of new parties, agreements, further policies, statements, commitments
/// and indicators (singly and in bursts that build on each other), measurements with and without dimensions,
/// corrections (chains, of an already-corrected value, of another series, by another party), attestations of every
/// verdict on recent and old measurements, resolutions of disputed and undisputed values, key additions and
/// revocations followed by entries signed with the revoked key, exact resubmissions of recent and old entries
/// (superseded measurements included), the same record signed again, bad signatures and malformed bytes.
/// <para>
/// Each entry is aimed at <c>logged</c>, the complete state of what the entries so far logged: the caller applies
/// each entry the ledger accepts before asking for the next. The stream never decides what the ledger must answer;
/// its <see cref="StreamEntry.Scenario"/> only says what it meant.
/// </para>
/// </summary>
public sealed partial class RandomEntryStream : IDisposable
{
    public static readonly DateTimeOffset Start = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly PartyId Operator = new("operator");
    static readonly PartyId Us = new("us");
    static readonly PartyId Mx = new("mx");
    static readonly PartyId Gao = new("gao");

    readonly Random _random;
    readonly LedgerState _logged;
    readonly Dictionary<string, SigningKey> _keys = new(StringComparer.Ordinal);
    readonly List<StreamEntry> _entries = [];
    readonly Dictionary<Hash, int> _positions = [];
    readonly Dictionary<string, List<int>> _positionsByKind = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<int>> _loggedByKind = new(StringComparer.Ordinal);
    readonly Queue<Func<StreamEntry>> _pending = new();
    readonly List<ulong> _measurements = [];
    readonly List<ulong> _disputed = [];
    readonly (int Weight, Action Queue)[] _actions;
    ulong _scanned;
    ulong _sizeBefore;
    int _ids;

    public RandomEntryStream(int seed, LedgerState logged)
    {
        ArgumentNullException.ThrowIfNull(logged);
        _random = new Random(seed);
        _logged = logged;
        _actions =
        [
            (260, () => Queue(NewMeasurement)),
            (100, () => Queue(Correction)),
            (150, () => Queue(Attestation)),
            (40, () => Queue(Resolution)),
            (110, () => Queue(Resubmission)),
            (50, () => Queue(InvalidMeasurement)),
            (30, () => Queue(() => Policy(Chance(90) && PickAgreement() is { } agreement ? agreement.Record.Id : new AgreementId(NextId("agreement"))))),
            (12, QueueChain),
            (15, QueueIndicatorBurst),
            (20, QueueCorrectionBurst),
            (30, QueueMeasurementThenAttestation),
            (20, () => Queue(() => Agreement(new AgreementId(NextId("agreement")), invalid: 40))),
            (20, () => Queue(() => Statement(new StatementId(NextId("statement")), author: null, invalid: 40))),
            (20, () => Queue(Commitment)),
            (20, () => Queue(Indicator)),
            (45, QueueKeyChange),
            (15, () => Queue(SignedByRevokedKey)),
            (20, () => Queue(BadSignature)),
            (20, () => Queue(Malformed)),
            (25, () => Queue(Party)),
            (25, () => Queue(Resigned)),
        ];
        QueueSetup();
    }

    /// <summary>The next entry. Apply it to <c>logged</c> first if the ledger accepts it.</summary>
    public StreamEntry Next()
    {
        // The log grew since the last entry: the ledger accepted it.
        if (_logged.Size > _sizeBefore)
        {
            Add(_loggedByKind, _entries[^1].Kind, _entries.Count - 1);
        }

        Scan();
        if (_pending.Count == 0)
        {
            var roll = _random.Next(_actions.Sum(a => a.Weight));
            foreach (var (weight, queue) in _actions)
            {
                if (roll < weight)
                {
                    queue();
                    break;
                }

                roll -= weight;
            }
        }

        var entry = _pending.Dequeue()();
        var position = _entries.Count;
        _entries.Add(entry);
        _positions.TryAdd(Rfc6962.HashLeaf(entry.Data), position);
        if (entry.Repeats is null)
        {
            Add(_positionsByKind, entry.Kind, position);
        }

        _sizeBefore = _logged.Size;
        return entry;
    }

    static void Add(Dictionary<string, List<int>> positions, string kind, int position)
    {
        if (!positions.TryGetValue(kind, out var list))
        {
            positions[kind] = list = [];
        }

        list.Add(position);
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    void QueueSetup()
    {
        var operatorKeys = new[] { NewKey(), NewKey() };
        var us = NewKey();
        var mx = NewKey();
        var gao = NewKey();
        var agreement = new AgreementId("us-mx-security");
        var statement = new StatementId("joint-statement");
        var commitment = new CommitmentId("reduce-fentanyl-flow");
        Queue(() => Entry(new PartyRecord { Author = Operator, RecordedAt = At(), Id = Operator, Name = "Ledger operator", Role = PartyRole.Operator, Keys = [.. operatorKeys.Select(PublicKey)] }, operatorKeys[0], "setup"));
        Queue(() => Entry(new PartyRecord { Author = Operator, RecordedAt = At(), Id = Us, Name = "United States", Role = PartyRole.Party, Keys = [PublicKey(us)] }, operatorKeys[1], "setup"));
        Queue(() => Entry(new PartyRecord { Author = Operator, RecordedAt = At(), Id = Mx, Name = "México", Role = PartyRole.Party, Keys = [PublicKey(mx)] }, operatorKeys[0], "setup"));
        Queue(() => Entry(new PartyRecord { Author = Operator, RecordedAt = At(), Id = Gao, Name = "Audit office", Role = PartyRole.Verifier, Keys = [PublicKey(gao)] }, operatorKeys[0], "setup"));
        Queue(() => By(new AgreementRecord { Author = Operator, RecordedAt = At(), Id = agreement, Title = "U.S.–Mexico security cooperation", Parties = [Us, Mx] }, "setup"));
        Queue(() => By(new PolicyRecord { Author = Operator, RecordedAt = At(), Agreement = agreement, Policy = new EvaluationPolicy() }, "setup"));
        Queue(() => By(new StatementRecord
        {
            Author = Us,
            RecordedAt = At(),
            Id = statement,
            Date = new DateOnly(2026, 1, 15),
            Title = "Joint statement on security cooperation",
            Parties = [Us, Mx],
            StatementKind = StatementKind.JointStatement,
            SourceUrl = "https://example.org/statements/joint",
            Quotes = [new Quote("results must be measurable and verifiable", "en")],
        }, "setup"));
        Queue(() => By(new CommitmentRecord
        {
            Author = Us,
            RecordedAt = At(),
            Id = commitment,
            Agreement = agreement,
            Text = "Significantly reduce the flow of fentanyl",
            Statements = [statement],
            ResponsibleParties = [Us, Mx],
            MadeOn = new DateOnly(2026, 2, 1),
        }, "setup"));
        Queue(() => By(new IndicatorRecord
        {
            Author = Us,
            RecordedAt = At(),
            Id = new("sw-border-seizures"),
            Commitment = commitment,
            Name = "Drugs seized at the southwest border",
            Unit = "lb",
            MeasureType = MeasureType.Amount,
            Direction = Direction.Down,
            PeriodType = PeriodType.Month,
            Aggregation = Aggregation.Sum,
            Reporter = Us,
            Dimensions = new Dictionary<string, IReadOnlyList<string>> { ["component"] = ["ofo", "usbp"], ["drug"] = ["fentanyl", "cocaine", "heroin"] },
            Baseline = new Baseline(Period.Parse("2025-01"), Period.Parse("2025-12"), 1000m),
            Targets = [new Target(new DateOnly(2026, 12, 31), TargetBasis.Illustrative, RelativeChange: -0.25m)],
            DataSource = "CBP nationwide drug seizures",
        }, "setup"));
        Queue(() => By(new IndicatorRecord
        {
            Author = Mx,
            RecordedAt = At(),
            Id = new("mx-homicides"),
            Commitment = commitment,
            Name = "Intentional homicides",
            Unit = "victims",
            MeasureType = MeasureType.Count,
            Direction = Direction.Down,
            PeriodType = PeriodType.Quarter,
            Aggregation = Aggregation.Sum,
            Reporter = Mx,
            DataSource = "SESNSP victims of crime",
        }, "setup"));
        Queue(() => By(new IndicatorRecord
        {
            Author = Operator,
            RecordedAt = At(),
            Id = new("verified-share"),
            Commitment = commitment,
            Name = "Share of shipments inspected",
            Unit = "%",
            MeasureType = MeasureType.Percent,
            Direction = Direction.Up,
            PeriodType = PeriodType.Year,
            Aggregation = Aggregation.Mean,
            Reporter = Gao,
            Dimensions = new Dictionary<string, IReadOnlyList<string>> { ["port"] = ["nogales", "laredo"] },
            DataSource = "Audit office inspections",
        }, "setup"));
    }

    // The measurements logged so far, in log order, from the entries applied since the last look.
    void Scan()
    {
        for (; _scanned < _logged.Size; _scanned++)
        {
            if (_logged.FindMeasurement(_scanned) is not null)
            {
                _measurements.Add(_scanned);
            }
        }
    }

    void Queue(Func<StreamEntry> make) => _pending.Enqueue(make);

    // A chain of new records that build on each other, so that they (usually) land in one batch: one or two
    // agreements, a first and a second policy, statements, commitments, indicators, their first values, an
    // attestation and a correction.
    void QueueChain()
    {
        var agreement = new AgreementId(NextId("agreement"));
        var second = Chance(50) ? new AgreementId(NextId("agreement")) : (AgreementId?)null;
        var statements = new[] { new StatementId(NextId("statement")), new StatementId(NextId("statement")) };
        var commitment = new CommitmentId(NextId("commitment"));
        var indicators = new[] { new IndicatorId(NextId("indicator")), new IndicatorId(NextId("indicator")) };
        Queue(() => Agreement(agreement, invalid: 5));
        if (second is { } other)
        {
            Queue(() => Agreement(other, invalid: 5));
        }

        Queue(() => Policy(agreement));
        Queue(() => Policy(agreement));
        foreach (var statement in statements)
        {
            Queue(() => Statement(statement, _logged.FindAgreement(agreement)?.Record.Parties is [_, ..] parties ? Pick(parties) : null, invalid: 5));
        }

        Queue(() => Commitment(commitment, agreement, statements));
        if (second is { } under)
        {
            Queue(() => Commitment(new CommitmentId(NextId("commitment")), under, [statements[1]]));
        }

        foreach (var indicator in indicators)
        {
            Queue(() => Indicator(indicator, commitment));
        }

        Queue(() => MeasurementOf(indicators[0]));
        Queue(() => MeasurementOf(indicators[0]));
        Queue(() => MeasurementOf(indicators[1]));
        Queue(AttestLatest);
        Queue(() => Correction(Latest(2)));
    }

    // A new indicator and its first values straight after it.
    void QueueIndicatorBurst()
    {
        var indicator = new IndicatorId(NextId("indicator"));
        Queue(() => PickCommitment() is { } commitment ? Indicator(indicator, commitment.Record.Id) : NewMeasurement());
        for (var i = _random.Next(1, 5); i > 0; i--)
        {
            Queue(() => MeasurementOf(indicator));
        }

        if (Chance(50))
        {
            Queue(AttestLatest);
        }
    }

    // A value, its correction, and the correction's correction, one after the other.
    void QueueCorrectionBurst()
    {
        Queue(NewMeasurement);
        Queue(() => Correction(Latest(1)));
        Queue(() => Correction(Latest(1)));
    }

    void QueueMeasurementThenAttestation()
    {
        Queue(NewMeasurement);
        Queue(AttestLatest);
    }

    /// <summary>The measurement logged <paramref name="back"/> measurements ago (1: the latest), or null.</summary>
    MeasurementState? Latest(int back) => _measurements.Count >= back ? _logged.FindMeasurement(_measurements[^back]) : null;

    string NextId(string prefix) => $"{prefix}-{++_ids}";

    DateTimeOffset At() => Start.AddSeconds(_entries.Count);

    bool Chance(int percent) => _random.Next(100) < percent;

    T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    decimal Amount(double max, int decimals) => Math.Round((decimal)(_random.NextDouble() * max), decimals);

    static StreamEntry Entry(LedgerRecord record, SigningKey key, string scenario, ulong? target = null) =>
        new(EntryCodec.Sign(record, key), record.Kind, scenario, target);

    /// <summary>The record signed by one of its author's active keys (a key never registered if it has none).</summary>
    StreamEntry By(LedgerRecord record, string scenario, ulong? target = null) => Entry(record, KeyOf(record.Author), scenario, target);

    SigningKey KeyOf(PartyId party) => ActiveKeys(party) is [_, ..] active ? Pick(active) : NewKey();

    IReadOnlyList<SigningKey> ActiveKeys(PartyId party) => _logged.FindParty(party) is { } registered
        ? [.. registered.Keys.Keys.Where(registered.HasActiveKey).Where(_keys.ContainsKey).Select(k => _keys[k])]
        : [];

    SigningKey NewKey()
    {
        var seed = new byte[32];
        _random.NextBytes(seed);
        var key = SigningKey.FromSeed(seed);
        _keys[key.KeyId] = key;
        return key;
    }

    static string PublicKey(SigningKey key) => Convert.ToBase64String(key.PublicKey);
}
