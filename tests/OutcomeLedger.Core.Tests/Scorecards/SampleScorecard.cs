using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Tests.Evaluation;

namespace OutcomeLedger.Core.Tests.Scorecards;

/// <summary>
/// A small agreement with every feature a scorecard shows: statements with quotes in English and Spanish, an
/// illustrative target, a paired indicator with its reading, a caveat, a resolved and an unresolved dispute, a
/// correction, and a commitment too recent to assess.
/// </summary>
internal static class SampleScorecard
{
    public static TestLedger Ledger()
    {
        var ledger = new TestLedger(due: new DateOnly(2026, 12, 31));
        ledger.Apply(new StatementRecord
        {
            Author = TestLedger.Operator,
            RecordedAt = ledger.At,
            Id = new StatementId("mx-press-release-2025-06-02"),
            Date = new DateOnly(2025, 6, 2),
            Title = "Comunicado sobre decomisos",
            Speaker = "Secretaría de Seguridad",
            Parties = [TestLedger.Mx],
            StatementKind = StatementKind.PressRelease,
            SourceUrl = "https://example.org/mx/comunicado",
            Quotes = [new Quote("Los decomisos de fentanilo crecieron como nunca.", "es")],
        });
        ledger.Indicator(
            "overdose-deaths",
            name: "Overdose deaths involving synthetic opioids",
            unit: "deaths",
            measureType: MeasureType.Count,
            baseline: new Baseline(Period.Month(2024, 1), Period.Month(2024, 12)),
            targets: [new Target(new DateOnly(2026, 12, 31), TargetBasis.Agreed, RelativeChange: -0.4m)]);
        ledger.Indicator(
            "sw-border-fentanyl-seizures",
            baseline: new Baseline(Period.Month(2024, 1), Period.Month(2024, 12), 1000m),
            targets: [new Target(new DateOnly(2026, 12, 31), TargetBasis.Illustrative, Value: 1400m, Note: "an assumption for illustration")],
            direction: Direction.Up,
            paired: "overdose-deaths",
            pairedReading: "More seizures with fewer deaths suggests less flow, not just more enforcement.",
            caveat: "Seizures are an ambiguous proxy: they rise with enforcement and with flow.");
        ledger.Series("overdose-deaths", effect: -0.3);
        var seizures = ledger.Series("sw-border-fentanyl-seizures", effect: 0.25, seed: 3);
        ledger.Attest(seizures[40], Verdict.Disputed, TestLedger.Mx, 900m, "double-counted seizure at Nogales");
        ledger.Attest(seizures[40], Verdict.Resolved, TestLedger.Gao, 1150m, "audit of the port logs");
        ledger.Attest(seizures[44], Verdict.Disputed, TestLedger.Mx, 1010m, "includes a seizure made in Mexican territory");
        ledger.Measure("sw-border-fentanyl-seizures", Period.Month(2025, 11), 1230m, supersedes: seizures[46]);
        ledger.Commitment("extradite-fugitives", new DateOnly(2025, 11, 20), text: "Extradite the fugitives each side names.");
        ledger.Indicator("extraditions", direction: Direction.Up, commitment: "extradite-fugitives", name: "Extraditions of wanted fugitives", unit: "people", measureType: MeasureType.Count);
        // From 2024-11: a whole baseline year before the commitment, and too few months after it (NOT_YET_ASSESSED).
        for (var month = 11; month <= 24; month++)
        {
            ledger.Measure("extraditions", Period.Month(2024 + ((month - 1) / 12), ((month - 1) % 12) + 1), month % 3);
        }

        ledger.At = new DateTimeOffset(2026, 1, 25, 0, 0, 0, TimeSpan.Zero);
        ledger.Policy(new Core.Ledger.EvaluationPolicy());
        return ledger;
    }

    public static Scorecard Create() => Ledger().Evaluate();
}
