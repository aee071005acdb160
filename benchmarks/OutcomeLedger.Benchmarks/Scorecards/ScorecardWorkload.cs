using System.Security.Cryptography;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Benchmarks.Scorecards;

/// <summary>
/// The scorecard workload: one agreement, 100 commitments of 10 indicators, each indicator 120 monthly values
/// (seasonal, ±5 % noise, effects from −20 % to +20 % after the commitment), every value acknowledged.
/// </summary>
public static class ScorecardWorkload
{
    const int Commitments = 100;
    const int IndicatorsPerCommitment = 10;
    const int Months = 120;

    public static AgreementId Agreement { get; } = new("us-mx-security");

    /// <summary>
    /// A checkpoint at the state's size (the evaluation reads its size and its body's log time, none here, and echoes the
    /// rest): a checkpoint body is origin, size and root hash (C2SP tlog-checkpoint), then the blank line of a signed note.
    /// </summary>
    public static ScorecardCheckpoint Checkpoint(LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var root = Convert.ToBase64String(new byte[32]);
        return new ScorecardCheckpoint("example.org/outcomes", state.Size, root, "example.org/outcomes\n" + state.Size + "\n" + root + "\n\n");
    }

    /// <summary>The records applied to a state directly (no signatures: the evaluation reads only the state).</summary>
    public static LedgerState Build()
    {
        var state = new LedgerState();
        foreach (var record in Records(new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero), firstIndex: 0))
        {
            state.Apply(record, Hash.FromBytes(SHA256.HashData(BitConverter.GetBytes(state.Size))));
        }

        return state;
    }

    /// <summary>
    /// The workload's records in log order, stamped <paramref name="at"/>. Each acknowledgement names the entry its
    /// measurement gets when the records are logged from entry <paramref name="firstIndex"/>; with
    /// <paramref name="keys"/>, the parties are registered with those public keys (base64), so a real ledger can take them.
    /// </summary>
    public static IEnumerable<LedgerRecord> Records(DateTimeOffset at, ulong firstIndex, IReadOnlyDictionary<PartyId, string>? keys = null)
    {
        var us = new PartyId("us");
        var mx = new PartyId("mx");
        var index = firstIndex;
        PartyRecord Party(PartyRecord party) => keys is null ? party : party with { Keys = [keys[party.Id]] };
        yield return Party(new PartyRecord { Author = new PartyId("operator"), RecordedAt = at, Id = new PartyId("operator"), Name = "Operator", Role = PartyRole.Operator });
        index++;
        yield return Party(new PartyRecord { Author = new PartyId("operator"), RecordedAt = at, Id = us, Name = "United States", Role = PartyRole.Party });
        index++;
        yield return Party(new PartyRecord { Author = new PartyId("operator"), RecordedAt = at, Id = mx, Name = "México", Role = PartyRole.Party });
        index++;
        yield return new AgreementRecord { Author = new PartyId("operator"), RecordedAt = at, Id = Agreement, Title = "Benchmark agreement", Parties = [us, mx] };
        index++;
        yield return new StatementRecord
        {
            Author = new PartyId("operator"),
            RecordedAt = at,
            Id = new StatementId("joint-statement"),
            Date = new DateOnly(2025, 1, 15),
            Title = "Joint statement",
            Parties = [us, mx],
            StatementKind = StatementKind.JointStatement,
            SourceUrl = "https://example.org/joint-statement",
            Quotes = [new Quote("We will deliver results.", "en")],
        };
        index++;
        var random = new Random(20260120);
        for (var c = 0; c < Commitments; c++)
        {
            var commitment = new CommitmentId($"commitment-{c}");
            yield return new CommitmentRecord
            {
                Author = new PartyId("operator"),
                RecordedAt = at,
                Id = commitment,
                Agreement = Agreement,
                Text = $"Commitment {c}",
                Statements = [new StatementId("joint-statement")],
                ResponsibleParties = [us, mx],
                MadeOn = new DateOnly(2025, 1, 15),
                DueDate = new DateOnly(2026, 12, 31),
            };
            index++;
            for (var i = 0; i < IndicatorsPerCommitment; i++)
            {
                var id = new IndicatorId($"indicator-{c}-{i}");
                yield return new IndicatorRecord
                {
                    Author = new PartyId("operator"),
                    RecordedAt = at,
                    Id = id,
                    Commitment = commitment,
                    Name = $"Indicator {c}.{i}",
                    Unit = "kg",
                    MeasureType = MeasureType.Amount,
                    Direction = Direction.Down,
                    PeriodType = PeriodType.Month,
                    Aggregation = Aggregation.Sum,
                    Reporter = us,
                    DataSource = "synthetic",
                    Baseline = new Baseline(Period.Month(2024, 1), Period.Month(2024, 12)),
                    Targets = [new Target(new DateOnly(2026, 12, 31), TargetBasis.Agreed, RelativeChange: -0.3m)],
                };
                index++;
                var effect = ((i % 5) - 2) * 0.1;
                for (var m = 0; m < Months; m++)
                {
                    var period = Period.Month(2016 + (m / 12), (m % 12) + 1);
                    var value = 1000 * (1 + (0.1 * Math.Sin(2 * Math.PI * m / 12))) * (1 + (0.05 * ((random.NextDouble() * 2) - 1))) * (m >= 108 ? 1 + effect : 1);
                    yield return new MeasurementRecord
                    {
                        Author = us,
                        RecordedAt = at,
                        Indicator = id,
                        Period = period,
                        Value = Math.Round((decimal)value, 1),
                        Source = new MeasurementSource("synthetic"),
                    };
                    index++;
                    yield return new AttestationRecord { Author = mx, RecordedAt = at, Measurement = index - 1, Verdict = Verdict.Acknowledged };
                    index++;
                }
            }
        }
    }
}
