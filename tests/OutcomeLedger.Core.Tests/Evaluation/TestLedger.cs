using System.Security.Cryptography;
using System.Text;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Tests.Evaluation;

/// <summary>
/// Builds a ledger state record by record (no signatures: <see cref="LedgerState.Apply"/> directly) with the parties
/// us, mx, the verifier gao and the operator, one agreement and one commitment made on 2025-01-15.
/// </summary>
internal sealed class TestLedger
{
    public static readonly AgreementId Agreement = new("us-mx-security");
    public static readonly PartyId Us = new("us");
    public static readonly PartyId Mx = new("mx");
    public static readonly PartyId Gao = new("gao");
    public static readonly PartyId Operator = new("operator");

    public TestLedger(DateOnly? madeOn = null, DateOnly? due = null)
    {
        Apply(new PartyRecord { Author = Operator, RecordedAt = At, Id = Operator, Name = "Ledger operator", Role = PartyRole.Operator });
        Apply(new PartyRecord { Author = Operator, RecordedAt = At, Id = Us, Name = "United States", Role = PartyRole.Party });
        Apply(new PartyRecord { Author = Operator, RecordedAt = At, Id = Mx, Name = "México", Role = PartyRole.Party });
        Apply(new PartyRecord { Author = Operator, RecordedAt = At, Id = Gao, Name = "Independent audit office", Role = PartyRole.Verifier });
        Apply(new AgreementRecord { Author = Operator, RecordedAt = At, Id = Agreement, Title = "US-Mexico security cooperation", Parties = [Us, Mx] });
        Apply(new StatementRecord
        {
            Author = Operator,
            RecordedAt = At,
            Id = new StatementId("joint-statement-2025-01-15"),
            Date = new DateOnly(2025, 1, 15),
            Title = "Joint statement on security cooperation",
            Speaker = "Both delegations",
            Parties = [Us, Mx],
            StatementKind = StatementKind.JointStatement,
            SourceUrl = "https://example.org/joint-statement",
            Quotes = [new Quote("We will cut the flow of fentanyl.", "en"), new Quote("Reduciremos el flujo de fentanilo.", "es")],
        });
        Commitment("reduce-fentanyl-flow", madeOn ?? new DateOnly(2025, 1, 15), due);
    }

    public LedgerState State { get; } = new();

    /// <summary>The time the next records say they were made at; the latest one is the evaluation's "as of" date.</summary>
    public DateTimeOffset At { get; set; } = new(2025, 1, 10, 0, 0, 0, TimeSpan.Zero);

    public ulong Apply(LedgerRecord record)
    {
        var index = State.Size;
        var leaf = Hash.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes($"leaf {index} {record.Kind}")));
        State.Apply(record, leaf);
        return index;
    }

    public ulong Policy(EvaluationPolicy policy) =>
        Apply(new PolicyRecord { Author = Operator, RecordedAt = At, Agreement = Agreement, Policy = policy });

    public void Commitment(string id, DateOnly madeOn, DateOnly? due = null, string text = "Reduce the flow of fentanyl across the southwest border.") =>
        Apply(new CommitmentRecord
        {
            Author = Operator,
            RecordedAt = At,
            Id = new CommitmentId(id),
            Agreement = Agreement,
            Text = text,
            Statements = [new StatementId("joint-statement-2025-01-15")],
            ResponsibleParties = [Us, Mx],
            MadeOn = madeOn,
            DueDate = due,
        });

    public IndicatorRecord Indicator(
        string id,
        Direction direction = Direction.Down,
        IReadOnlyList<Target>? targets = null,
        Baseline? baseline = null,
        string commitment = "reduce-fentanyl-flow",
        PeriodType periodType = PeriodType.Month,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? dimensions = null,
        string? paired = null,
        string? pairedReading = null,
        string? caveat = null,
        string? name = null,
        string unit = "kg",
        MeasureType measureType = MeasureType.Amount,
        Aggregation aggregation = Aggregation.Sum)
    {
        var record = new IndicatorRecord
        {
            Author = Operator,
            RecordedAt = At,
            Id = new IndicatorId(id),
            Commitment = new CommitmentId(commitment),
            Name = name ?? "Fentanyl seizures at the southwest border",
            Unit = unit,
            MeasureType = measureType,
            Direction = direction,
            PeriodType = periodType,
            Aggregation = aggregation,
            Reporter = Us,
            DataSource = "CBP drug seizure statistics",
            Baseline = baseline,
            Targets = targets ?? [],
            Dimensions = dimensions ?? new Dictionary<string, IReadOnlyList<string>>(),
            PairedIndicator = paired is null ? null : new IndicatorId(paired),
            PairedReading = pairedReading,
            Caveat = caveat,
        };
        Apply(record);
        return record;
    }

    public ulong Measure(string indicator, Period period, decimal value, ulong? supersedes = null, IReadOnlyDictionary<string, string>? dimensions = null)
    {
        At = new DateTimeOffset(period.End.AddDays(20).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return Apply(new MeasurementRecord
        {
            Author = Us,
            RecordedAt = At,
            Indicator = new IndicatorId(indicator),
            Period = period,
            Value = value,
            Source = new MeasurementSource("CBP nationwide drug seizures"),
            Supersedes = supersedes,
            Dimensions = dimensions ?? new Dictionary<string, string>(),
        });
    }

    public ulong Attest(ulong measurement, Verdict verdict, PartyId? author = null, decimal? figure = null, string? reason = null) =>
        Apply(new AttestationRecord
        {
            Author = author ?? (verdict is Verdict.Verified or Verdict.VerificationFailed or Verdict.Resolved ? Gao : Mx),
            RecordedAt = At,
            Measurement = measurement,
            Verdict = verdict,
            Figure = figure,
            Reason = reason ?? (verdict is Verdict.Disputed or Verdict.VerificationFailed or Verdict.Resolved ? "figures differ" : null),
        });

    /// <summary>
    /// Logs a monthly series from 2022-01: a seasonal base of about 1,000 with seeded noise of about 1%, multiplied by
    /// (1 + <paramref name="effect"/>) from the commitment month on, each value acknowledged by mx when <paramref name="acknowledge"/>.
    /// </summary>
    public List<ulong> Series(string indicator, double effect, int months = 48, bool acknowledge = true, int seed = 7, double noise = 0.01, double level = 1000, IReadOnlyDictionary<string, string>? dimensions = null)
    {
        var random = new Random(seed);
        var indexes = new List<ulong>();
        var madeOn = State.Commitments.Values.First().Record.MadeOn;
        var intervention = Period.Month(madeOn.Year, madeOn.Month);
        for (var i = 0; i < months; i++)
        {
            var period = Period.Month(2022 + (i / 12), (i % 12) + 1);
            var season = 1 + (0.1 * Math.Sin(2 * Math.PI * (i % 12) / 12));
            var value = level * season * (1 + (noise * ((random.NextDouble() * 2) - 1)));
            if (period >= intervention)
            {
                value *= 1 + effect;
            }

            var index = Measure(indicator, period, Math.Round((decimal)value, 1), dimensions: dimensions);
            if (acknowledge)
            {
                Attest(index, Verdict.Acknowledged);
            }

            indexes.Add(index);
        }

        return indexes;
    }

    public static ScorecardCheckpoint CheckpointFor(LedgerState state) =>
        new("example.org/outcomes", state.Size, Convert.ToBase64String(new byte[32]), $"example.org/outcomes\n{state.Size}\n{Convert.ToBase64String(new byte[32])}\n\n— example.org/outcomes AAAA\n");

    public Scorecard Evaluate() => Evaluator.Evaluate(State, CheckpointFor(State), Agreement);
}
