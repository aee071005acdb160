using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Storage.CrashHost;

/// <summary>
/// A seeded, reproducible stream of signed entries that a ledger accepts in order: the operator's genesis, parties, an
/// agreement, statements, a commitment, two indicators, then a random mix of measurements across periods and
/// dimensions, corrections that supersede, acknowledgements, disputes, verifications, resolutions and key rotations.
/// Every entry is checked against the stream's own <see cref="LedgerState"/> as it is made, so entry k is meant to be
/// logged at index k; an entry the rules refuse is a bug here and throws.
/// </summary>
public sealed class RandomHistory : IDisposable
{
    public static readonly DateTimeOffset Start = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly PartyId Operator = new("operator");
    public static readonly PartyId Us = new("us");
    public static readonly PartyId Mx = new("mx");
    public static readonly PartyId Gao = new("gao");
    public static readonly IndicatorId Seizures = new("sw-border-fentanyl-seizures");
    public static readonly IndicatorId Homicides = new("mx-homicides");
    static readonly AgreementId Agreement = new("us-mx-security");
    static readonly string[] Components = ["ofo", "usbp"];
    static readonly string[] Drugs = ["fentanyl", "methamphetamine", "cocaine", "heroin"];
    static readonly string[] Regions = [.. Enumerable.Range(1, 32).Select(i => $"state-{i:D2}")];

    readonly Random _random;
    readonly Dictionary<PartyId, SigningKey> _signing = [];
    readonly List<SigningKey> _keys = [];
    readonly Queue<(LedgerRecord Record, PartyId Signer)> _pending = new();
    readonly List<ulong> _measurements = [];
    readonly List<ulong> _disputed = [];
    int _statements;

    public RandomHistory(int seed)
    {
        _random = new Random(seed);
        foreach (var party in new[] { Operator, Us, Mx, Gao })
        {
            _signing[party] = NewKey();
        }

        Queue(new PartyRecord { Author = Operator, RecordedAt = Start, Id = Operator, Name = "Ledger operator", Role = PartyRole.Operator, Keys = [PublicKey(Operator)] }, Operator);
        Queue(new PartyRecord { Author = Operator, RecordedAt = Start, Id = Us, Name = "United States", Role = PartyRole.Party, Keys = [PublicKey(Us)] }, Operator);
        Queue(new PartyRecord { Author = Operator, RecordedAt = Start, Id = Mx, Name = "México", Role = PartyRole.Party, Keys = [PublicKey(Mx)] }, Operator);
        Queue(new PartyRecord { Author = Operator, RecordedAt = Start, Id = Gao, Name = "Audit office", Role = PartyRole.Verifier, Keys = [PublicKey(Gao)] }, Operator);
        Queue(new AgreementRecord { Author = Operator, RecordedAt = Start, Id = Agreement, Title = "U.S.–Mexico security cooperation", Parties = [Us, Mx] }, Operator);
        Queue(Statement(Us), Us);
        Queue(new CommitmentRecord
        {
            Author = Us,
            RecordedAt = Start,
            Id = new("reduce-fentanyl-flow"),
            Agreement = Agreement,
            Text = "Significantly reduce the flow of fentanyl",
            Statements = [new("statement-1")],
            ResponsibleParties = [Us, Mx],
            MadeOn = new DateOnly(2026, 1, 15),
        }, Us);
        Queue(new IndicatorRecord
        {
            Author = Us,
            RecordedAt = Start,
            Id = Seizures,
            Commitment = new("reduce-fentanyl-flow"),
            Name = "Drugs seized at the southwest border",
            Unit = "lb",
            MeasureType = MeasureType.Amount,
            Direction = Direction.Down,
            PeriodType = PeriodType.Month,
            Aggregation = Aggregation.Sum,
            Reporter = Us,
            Dimensions = new Dictionary<string, IReadOnlyList<string>> { ["component"] = Components, ["drug"] = Drugs },
            Baseline = new Baseline(Period.Parse("2025-01"), Period.Parse("2025-12"), 1000m),
            Targets = [new Target(new DateOnly(2026, 12, 31), TargetBasis.Illustrative, RelativeChange: -0.25m)],
            DataSource = "CBP nationwide drug seizures",
        }, Us);
        Queue(new IndicatorRecord
        {
            Author = Mx,
            RecordedAt = Start,
            Id = Homicides,
            Commitment = new("reduce-fentanyl-flow"),
            Name = "Intentional homicides",
            Unit = "victims",
            MeasureType = MeasureType.Count,
            Direction = Direction.Down,
            PeriodType = PeriodType.Quarter,
            Aggregation = Aggregation.Sum,
            Reporter = Mx,
            Dimensions = new Dictionary<string, IReadOnlyList<string>> { ["region"] = Regions },
            DataSource = "SESNSP victims of crime",
        }, Mx);
    }

    /// <summary>The state after every entry returned so far.</summary>
    public LedgerState State { get; } = new();

    /// <summary>The key a party signs with now (it changes when the history rotates the party's key).</summary>
    public SigningKey KeyOf(PartyId party) => _signing[party];

    /// <summary>The next entry: its leaf bytes, already applied to <see cref="State"/>.</summary>
    public byte[] Next()
    {
        if (_pending.Count == 0)
        {
            QueueRandom();
        }

        var (record, signer) = _pending.Dequeue();
        var leaf = EntryCodec.Sign(record, _signing[signer]);
        var check = State.Check(leaf);
        if (!check.IsAccepted)
        {
            throw new InvalidOperationException($"the history made an entry the ledger refuses at {State.Size}: {check}");
        }

        var index = State.Size;
        State.Apply(check.Record!, Rfc6962.HashLeaf(leaf));
        Track(record, index);
        return leaf;
    }

    public IReadOnlyList<byte[]> Take(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    void Track(LedgerRecord record, ulong index)
    {
        switch (record)
        {
            case MeasurementRecord:
                _measurements.Add(index);
                break;
            case AttestationRecord { Verdict: Verdict.Disputed } dispute when !_disputed.Contains(dispute.Measurement):
                _disputed.Add(dispute.Measurement);
                break;
            case KeyRecord { Action: KeyAction.Add } added:
                // Sign with the new key from now on, and revoke the old one with it.
                var old = _signing[added.Party];
                _signing[added.Party] = _keys.Single(k => Convert.ToBase64String(k.PublicKey) == added.PublicKey);
                _pending.Enqueue((new KeyRecord { Author = added.Party, RecordedAt = At(), Party = added.Party, Action = KeyAction.Revoke, PublicKey = Convert.ToBase64String(old.PublicKey) }, added.Party));
                break;
        }
    }

    void QueueRandom()
    {
        var roll = _random.Next(100);
        if (roll < 50 || _measurements.Count == 0)
        {
            QueueMeasurement();
        }
        else if (roll < 62)
        {
            QueueCorrection();
        }
        else if (roll < 74)
        {
            QueueAttestation(Verdict.Acknowledged);
        }
        else if (roll < 84)
        {
            QueueAttestation(Verdict.Disputed);
        }
        else if (roll < 89)
        {
            QueueAttestation(_random.Next(2) == 0 ? Verdict.Verified : Verdict.VerificationFailed);
        }
        else if (roll < 95 && _disputed.Count > 0)
        {
            QueueResolution();
        }
        else if (roll < 97)
        {
            var party = new[] { Us, Mx, Gao }[_random.Next(3)];
            var next = NewKey();
            Queue(new KeyRecord { Author = party, RecordedAt = At(), Party = party, Action = KeyAction.Add, PublicKey = Convert.ToBase64String(next.PublicKey) }, party);
        }
        else
        {
            var author = _random.Next(2) == 0 ? Us : Mx;
            Queue(Statement(author), author);
        }
    }

    void QueueMeasurement()
    {
        var seizures = _random.Next(3) != 0;
        var like = seizures
            ? Measurement(Seizures, Us, Period.Month(2015 + _random.Next(12), 1 + _random.Next(12)),
                new Dictionary<string, string> { ["component"] = Pick(Components), ["drug"] = Pick(Drugs) }, Math.Round((decimal)(_random.NextDouble() * 5000), 2))
            : Measurement(Homicides, Mx, new Period(PeriodType.Quarter, 2000 + _random.Next(26), 1 + _random.Next(4)),
                new Dictionary<string, string> { ["region"] = Pick(Regions) }, _random.Next(0, 3000));

        // A value for a series that already has one is a correction of it.
        var current = State.CurrentMeasurement(like);
        Queue(current is null ? like : like with { Supersedes = current.Index, Note = "revised by the source" }, like.Author);
    }

    void QueueCorrection()
    {
        var old = State.Measurements[_measurements[_random.Next(_measurements.Count)]];
        var current = State.CurrentMeasurement(old.Record)!;
        var value = current.Record.Indicator == Homicides ? (decimal)_random.Next(0, 3000) : Math.Round((decimal)(_random.NextDouble() * 5000), 2);
        Queue(current.Record with { RecordedAt = At(), Value = value, Supersedes = current.Index, Provisional = _random.Next(4) == 0 }, current.Record.Author);
    }

    void QueueAttestation(Verdict verdict)
    {
        var measurement = State.Measurements[_measurements[_random.Next(_measurements.Count)]];
        if (verdict == Verdict.Disputed && ValueHistory.Of(ValueHistory.Latest(measurement, State)).Resolution is not null)
        {
            // A resolved value is not disputed again.
            verdict = Verdict.Acknowledged;
        }

        var author = verdict is Verdict.Verified or Verdict.VerificationFailed ? Gao
            : _random.Next(3) == 0 ? Gao
            : measurement.Record.Author == Us ? Mx : Us;
        Queue(new AttestationRecord
        {
            Author = author,
            RecordedAt = At(),
            Measurement = measurement.Index,
            Verdict = verdict,
            Figure = verdict == Verdict.Disputed ? decimal.Truncate(measurement.Record.Value) + 1 : null,
            Reason = verdict is Verdict.Disputed or Verdict.VerificationFailed ? "our records differ" : null,
        }, author);
    }

    void QueueResolution()
    {
        // A dispute is resolved once, by a verifier (the operator does not resolve disputes); then it leaves the list.
        var at = _random.Next(_disputed.Count);
        var measurement = State.Measurements[_disputed[at]];
        _disputed.RemoveAt(at);
        var open = ValueHistory.Of(ValueHistory.Latest(measurement, State)).OpenDisputes;
        if (open.Count == 0)
        {
            QueueAttestation(Verdict.Acknowledged);
            return;
        }

        // One time in three the disputer withdraws instead (only the disputer can).
        if (_random.Next(3) == 0)
        {
            var disputer = open[0].Record.Author;
            Queue(new AttestationRecord { Author = disputer, RecordedAt = At(), Measurement = measurement.Index, Verdict = Verdict.Withdrawn, Reason = "our records were wrong" }, disputer);
            return;
        }

        var author = Gao;
        Queue(new AttestationRecord
        {
            Author = author,
            RecordedAt = At(),
            Measurement = measurement.Index,
            Verdict = Verdict.Resolved,
            Figure = measurement.Record.Value,
            Reason = "the source's published figure stands",
        }, author);
    }

    StatementRecord Statement(PartyId author)
    {
        _statements++;
        return new StatementRecord
        {
            Author = author,
            RecordedAt = At(),
            Id = new($"statement-{_statements}"),
            Date = new DateOnly(2026, 1, 15),
            Title = $"Statement {_statements}",
            Parties = [author],
            StatementKind = StatementKind.PressRelease,
            SourceUrl = $"https://example.org/statements/{_statements}",
            Quotes = [new Quote("results must be measurable and verifiable", "en")],
        };
    }

    MeasurementRecord Measurement(IndicatorId indicator, PartyId author, Period period, Dictionary<string, string> dimensions, decimal value) => new()
    {
        Author = author,
        RecordedAt = At(),
        Indicator = indicator,
        Period = period,
        Dimensions = dimensions,
        Value = value,
        Source = new MeasurementSource("published statistics", "https://example.org/data"),
    };

    DateTimeOffset At() => Start.AddSeconds(State.Size + (ulong)_pending.Count);

    T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    void Queue(LedgerRecord record, PartyId signer) => _pending.Enqueue((record, signer));

    string PublicKey(PartyId party) => Convert.ToBase64String(_signing[party].PublicKey);

    SigningKey NewKey()
    {
        var seed = new byte[32];
        _random.NextBytes(seed);
        var key = SigningKey.FromSeed(seed);
        _keys.Add(key);
        return key;
    }

    public void Dispose()
    {
        foreach (var key in _keys)
        {
            key.Dispose();
        }
    }
}
