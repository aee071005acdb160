using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Tests.Ledger;

/// <summary>A small ledger built through the real checks: operator, US, Mexico, a verifier, one agreement and indicator.</summary>
internal sealed class LedgerFixture : IDisposable
{
    public static readonly DateTimeOffset At = new(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);

    public LedgerState State { get; } = new();

    public SigningKey Operator { get; } = SigningKey.FromSeed(Seed(1));

    public SigningKey Us { get; } = SigningKey.FromSeed(Seed(2));

    public SigningKey Mx { get; } = SigningKey.FromSeed(Seed(3));

    public SigningKey Verifier { get; } = SigningKey.FromSeed(Seed(4));

    public static PartyId OperatorId { get; } = new("operator");

    public static PartyId UsId { get; } = new("us");

    public static PartyId MxId { get; } = new("mx");

    public static PartyId VerifierId { get; } = new("gao");

    public static IndicatorId Seizures { get; } = new("sw-border-fentanyl-seizures");

    public LedgerFixture()
    {
        Submit(new PartyRecord { Author = OperatorId, RecordedAt = At, Id = OperatorId, Name = "Ledger operator", Role = PartyRole.Operator, Keys = [B64(Operator)] }, Operator);
        Submit(new PartyRecord { Author = OperatorId, RecordedAt = At, Id = UsId, Name = "United States", Role = PartyRole.Party, Keys = [B64(Us)] }, Operator);
        Submit(new PartyRecord { Author = OperatorId, RecordedAt = At, Id = MxId, Name = "México", Role = PartyRole.Party, Keys = [B64(Mx)] }, Operator);
        Submit(new PartyRecord { Author = OperatorId, RecordedAt = At, Id = VerifierId, Name = "Audit office", Role = PartyRole.Verifier, Keys = [B64(Verifier)] }, Operator);
        Submit(new AgreementRecord { Author = OperatorId, RecordedAt = At, Id = new("us-mx-security"), Title = "U.S.–Mexico security cooperation", Parties = [UsId, MxId] }, Operator);
        Submit(new StatementRecord
        {
            Author = UsId,
            RecordedAt = At,
            Id = new("joint-statement-2026-01-15"),
            Date = new DateOnly(2026, 1, 15),
            Title = "Joint statement",
            Parties = [UsId, MxId],
            StatementKind = StatementKind.JointStatement,
            SourceUrl = "https://www.state.gov/example",
            Quotes = [new Quote("results must be measurable and verifiable", "en")],
        }, Us);
        Submit(new CommitmentRecord
        {
            Author = UsId,
            RecordedAt = At,
            Id = new("reduce-fentanyl-flow"),
            Agreement = new("us-mx-security"),
            Text = "Significantly reduce the flow of fentanyl",
            Statements = [new("joint-statement-2026-01-15")],
            ResponsibleParties = [UsId, MxId],
            MadeOn = new DateOnly(2026, 1, 15),
        }, Us);
        Submit(Indicator(), Us);
    }

    public static IndicatorRecord Indicator() => new()
    {
        Author = UsId,
        RecordedAt = At,
        Id = Seizures,
        Commitment = new("reduce-fentanyl-flow"),
        Name = "Fentanyl seized at the southwest border",
        Unit = "lb",
        MeasureType = MeasureType.Amount,
        Direction = Direction.Down,
        PeriodType = PeriodType.Month,
        Aggregation = Aggregation.Sum,
        Reporter = UsId,
        Dimensions = new Dictionary<string, IReadOnlyList<string>> { ["component"] = ["ofo", "usbp"] },
        Baseline = new Baseline(Period.Parse("2025-01"), Period.Parse("2025-12"), 1000m),
        Targets = [new Target(new DateOnly(2026, 12, 31), TargetBasis.Illustrative, RelativeChange: -0.25m)],
        DataSource = "CBP nationwide drug seizures",
    };

    public static MeasurementRecord Measurement(string period = "2026-01", decimal value = 812.5m, ulong? supersedes = null, PartyId? author = null) => new()
    {
        Author = author ?? UsId,
        RecordedAt = At,
        Indicator = Seizures,
        Period = Period.Parse(period),
        Value = value,
        Source = new MeasurementSource("CBP nationwide drug seizures", "https://www.cbp.gov/document/stats/nationwide-drug-seizures"),
        Supersedes = supersedes,
    };

    /// <summary>Checks and applies a signed record; fails the test if it is refused.</summary>
    public ulong Submit(LedgerRecord record, SigningKey key)
    {
        var check = Try(record, key, out var leaf);
        Assert.True(check.IsAccepted, check.ToString());
        var index = State.Size;
        State.Apply(check.Record!, Rfc6962.HashLeaf(leaf));
        return index;
    }

    public EntryCheck Try(LedgerRecord record, SigningKey key, out byte[] leaf)
    {
        leaf = EntryCodec.Sign(record, key);
        return State.Check(leaf);
    }

    public EntryCheck Try(LedgerRecord record, SigningKey key) => Try(record, key, out _);

    public static string B64(SigningKey key) => Convert.ToBase64String(key.PublicKey);

    static byte[] Seed(byte b) => Enumerable.Repeat(b, 32).ToArray();

    public void Dispose()
    {
        Operator.Dispose();
        Us.Dispose();
        Mx.Dispose();
        Verifier.Dispose();
    }
}
