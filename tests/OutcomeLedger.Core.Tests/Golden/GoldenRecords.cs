using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Golden;

/// <summary>
/// The records whose signed bytes are kept in <c>Golden/entries/&lt;name&gt;.json</c>: one of every kind, and the
/// variants whose optional fields matter. The only place these records are built, so that a renamed type or member is
/// changed here once; their bytes must never change (a new encoding is a new schema version with new files).
/// </summary>
internal static class GoldenRecords
{
    /// <summary>The Ed25519 seed of the key that signs every golden entry: bytes 0x01 to 0x20.</summary>
    public static byte[] Seed { get; } = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    /// <summary>The key that the key records add and revoke: from the seed of bytes 0x21 to 0x40.</summary>
    public static byte[] SubjectSeed { get; } = [.. Enumerable.Range(33, 32).Select(i => (byte)i)];

    static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    static readonly PartyId Operator = new("operator");
    static readonly PartyId Us = new("us");
    static readonly PartyId Mx = new("mx");
    static readonly PartyId Verifier = new("gao");
    static readonly AgreementId Agreement = new("us-mx-security");
    static readonly StatementId Statement = new("joint-statement-2026-01-15");
    static readonly CommitmentId Commitment = new("reduce-fentanyl-flow");
    static readonly IndicatorId Seizures = new("sw-border-fentanyl-seizures");
    static readonly IndicatorId Deaths = new("us-synthetic-opioid-deaths");

    /// <summary>Golden file name (without <c>.json</c>) and the record signed into it, in the order a ledger could log them.</summary>
    public static IReadOnlyList<(string Name, LedgerRecord Record)> All { get; } = Build();

    public static LedgerRecord Get(string name) => All.Single(g => g.Name == name).Record;

    public static SigningKey Key() => SigningKey.FromSeed(Seed);

    public static string SubjectPublicKey()
    {
        using var subject = SigningKey.FromSeed(SubjectSeed);
        return Convert.ToBase64String(subject.PublicKey);
    }

    /// <summary>The signed entry, as the ledger logs it. One key signs every kind: the codec does not ask whose key it is (the ledger does).</summary>
    public static byte[] Sign(LedgerRecord record)
    {
        using var key = Key();
        return EntryCodec.Sign(record, key);
    }

    static List<(string, LedgerRecord)> Build()
    {
        // Each record is made a minute after the one before; times are UTC to the second, as records carry them.
        var minute = 0;
        DateTimeOffset Next() => Start.AddMinutes(minute++);

        using var signer = Key();
        var signerKey = Convert.ToBase64String(signer.PublicKey);
        var subjectKey = SubjectPublicKey();

        return
        [
            ("party", new PartyRecord
            {
                Author = Operator,
                RecordedAt = Next(),
                Id = Mx,
                Name = "México (Secretaría de Seguridad y Protección Ciudadana)",
                Role = PartyRole.Party,
                Keys = [signerKey],
            }),
            ("key-add", new KeyRecord { Author = Us, RecordedAt = Next(), Party = Us, Action = KeyAction.Add, PublicKey = subjectKey }),
            ("key-revoke", new KeyRecord { Author = Operator, RecordedAt = Next(), Party = Us, Action = KeyAction.Revoke, PublicKey = subjectKey }),
            ("agreement", new AgreementRecord
            {
                Author = Operator,
                RecordedAt = Next(),
                Id = Agreement,
                Title = "U.S.–Mexico Security Implementation Group",
                Parties = [Us, Mx],
            }),
            ("policy", new PolicyRecord
            {
                Author = Operator,
                RecordedAt = Next(),
                Agreement = Agreement,
                Policy = new EvaluationPolicy
                {
                    CountsTowardMet = ["verified", "resolved"],
                    CountsTowardTrend = ["self-reported", "acknowledged", "verified", "resolved"],
                    MinVerifiedShare = 0.75m,
                    SignificantChange = 0.10m,
                    MinPeriodsBefore = 24,
                    MinPeriodsAfter = 6,
                    ConfidenceLevel = 0.90m,
                    Rollup = "all-met",
                },
            }),
            ("statement", new StatementRecord
            {
                Author = Us,
                RecordedAt = Next(),
                Id = Statement,
                Date = new DateOnly(2026, 1, 15),
                Title = "Joint Statement on U.S.-Mexico Security Cooperation",
                Speaker = "Secretary of State and Secretario de Relaciones Exteriores",
                Parties = [Us, Mx],
                StatementKind = StatementKind.JointStatement,
                SourceUrl = "https://www.state.gov/releases/office-of-the-spokesperson/2026/01/joint-statement?lang=en&format=html",
                SourceSha256 = "8df748ab3e1fa3f0a0e57708a1350fc6ad906c8a188c163cca54babe3f795ca1",
                Quotes =
                [
                    new Quote("cooperation will be judged by \"measurable and verifiable results\", not rhetoric", "en"),
                    new Quote("reducir de manera significativa el flujo de fentanilo — «resultados medibles»", "es-MX"),
                ],
            }),
            ("commitment", new CommitmentRecord
            {
                Author = Us,
                RecordedAt = Next(),
                Id = Commitment,
                Agreement = Agreement,
                Text = "Significantly reduce the flow of fentanyl <and its precursors> & dismantle trafficking organisations",
                Statements = [Statement],
                ResponsibleParties = [Mx, Us],
                MadeOn = new DateOnly(2026, 1, 15),
                DueDate = new DateOnly(2026, 12, 31),
            }),
            ("indicator", new IndicatorRecord
            {
                Author = Us,
                RecordedAt = Next(),
                Id = Seizures,
                Commitment = Commitment,
                Name = "Fentanyl seized at the southwest land border",
                Unit = "lb",
                MeasureType = MeasureType.Amount,
                Direction = Direction.Down,
                PeriodType = PeriodType.Month,
                Aggregation = Aggregation.Sum,
                Reporter = Us,
                Dimensions = new Dictionary<string, IReadOnlyList<string>>
                {
                    ["component"] = ["ofo", "usbp"],
                    ["area"] = ["san-diego", "tucson", "el-paso"],
                },
                Baseline = new Baseline(Period.Month(2024, 9), Period.Month(2025, 8), 1203.5m),
                Targets =
                [
                    new Target(new DateOnly(2026, 9, 30), TargetBasis.Illustrative, RelativeChange: -0.25m, Note: "An assumption: no numeric target was published."),
                    new Target(new DateOnly(2026, 12, 31), TargetBasis.Agreed, Value: 800m),
                ],
                DataSource = "U.S. CBP, Nationwide Drug Seizures",
                VerificationProtocol = "CBP's published monthly figures, checked by the verifier against the source tables.",
                PairedIndicator = Deaths,
                PairedReading = "Falling seizures with falling deaths suggest less flow.",
                Caveat = "Seizures are an ambiguous proxy: more can mean more flow or better enforcement.",
            }),
            ("measurement", new MeasurementRecord
            {
                Author = Us,
                RecordedAt = Next(),
                Indicator = Seizures,
                Period = Period.Month(2025, 11),
                Value = 1497.2737539011978m,
                Source = new MeasurementSource("U.S. CBP Nationwide Drug Seizures"),
            }),
            ("measurement-dimensions-evidence-provisional", new MeasurementRecord
            {
                Author = Us,
                RecordedAt = Next(),
                Indicator = Seizures,
                Period = Period.Month(2026, 10),
                Dimensions = new Dictionary<string, string> { ["component"] = "ofo", ["area"] = "san-diego" },
                Value = 512.50m,
                Source = new MeasurementSource(
                    "U.S. CBP Nationwide Drug Seizures",
                    "https://www.cbp.gov/document/stats/nationwide-drug-seizures",
                    "nationwide-drugs-fy23-fy26-dec.csv",
                    "daa0806c41367e478d12ed742ac4a55487361b52894f46316396667b9ed3847c",
                    2230),
                Evidence =
                [
                    "f56a0d4dc09ad0f00eb650ae06781111ff5bf73c079b52b28641e37af30c5783",
                    "8933742c17f6f5ba1ec76d6785b779e7b89189c3c66e959aa7e41a72213a5398",
                ],
                Note = "Fiscal year to date:\tto be revised (CBP footnote \"FYTD\")",
                Provisional = true,
            }),
            ("measurement-correction", new MeasurementRecord
            {
                Author = Us,
                RecordedAt = Next(),
                Indicator = Seizures,
                Period = Period.Month(2025, 11),
                Value = 1480m,
                Source = new MeasurementSource("U.S. CBP Nationwide Drug Seizures", "https://www.cbp.gov/document/stats/nationwide-drug-seizures"),
                Note = "Revised after CBP's monthly update",
                Supersedes = 8,
            }),
            ("attestation-acknowledged", new AttestationRecord { Author = Mx, RecordedAt = Next(), Measurement = 8, Verdict = Verdict.Acknowledged }),
            ("attestation-disputed", new AttestationRecord
            {
                Author = Mx,
                RecordedAt = Next(),
                Measurement = 8,
                Verdict = Verdict.Disputed,
                Figure = 1450.0m,
                Reason = "Nuestro conteo del mismo mes es menor: 1 450 lb",
                Evidence = ["8933742c17f6f5ba1ec76d6785b779e7b89189c3c66e959aa7e41a72213a5398"],
            }),
            ("attestation-verified", new AttestationRecord { Author = Verifier, RecordedAt = Next(), Measurement = 10, Verdict = Verdict.Verified }),
            ("attestation-verification-failed", new AttestationRecord
            {
                Author = Verifier,
                RecordedAt = Next(),
                Measurement = 9,
                Verdict = Verdict.VerificationFailed,
                Reason = "The published table could not be matched",
            }),
            ("attestation-resolved", new AttestationRecord
            {
                Author = Verifier,
                RecordedAt = Next(),
                Measurement = 8,
                Verdict = Verdict.Resolved,
                Figure = 1480m,
                Reason = "Joint review of both counts",
            }),
            ("acceptance", new AcceptanceRecord { Author = Mx, RecordedAt = Next(), Entry = 6, Note = "Accepted as agreed in the Security Implementation Group" }),
            ("objection", new ObjectionRecord
            {
                Author = Mx,
                RecordedAt = Next(),
                Entry = 7,
                Reason = "The target was never agreed: the joint statement names no figure",
                Evidence = ["0f343b0931126a20f133d67c2b018a3b5e8d2d5b6c1f2a9e4b6d1e3c5a7f9b2d"],
            }),
        ];
    }
}
