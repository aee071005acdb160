using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Scorecards;

public class ReasonSentenceTests
{
    static readonly RatingReason Unverifiable = new()
    {
        Code = ReasonCode.TooFewConfirmed,
        Rating = Rating.Unverifiable,
        Underlying = Rating.OnTrack,
        Subject = "Fentanyl seizures at the southwest border",
        PeriodType = PeriodType.Month,
        Change = new ChangeFinding(-23.4, -31.2, -15.6, 0.95, true),
        Confirmed = 7,
        Counted = 48,
        RequiredShare = 50,
    };

    [Fact]
    public void Write_English_FollowsTheAgreedShape() =>
        Assert.Equal(
            "Fentanyl seizures at the southwest border fell 23.4% against the projected trend (95% CI -31.2% to -15.6%), but only 7 of the 48 monthly values in the assessment window are acknowledged by the counterparty or verified: UNVERIFIABLE under the agreed policy (at least 50% needed)",
            TextCatalogue.English.Sentence(Unverifiable));

    [Fact]
    public void Write_Spanish_TranslatesWordsAndKeepsTheNumbers() =>
        Assert.Equal(
            "Fentanyl seizures at the southwest border bajó 23.4% respecto de la tendencia proyectada (IC del 95%: -31.2% a -15.6%), pero solo 7 de los 48 valores mensuales de la ventana de evaluación están reconocidos por la contraparte o verificados: NO VERIFICABLE según la política acordada (exige al menos 50%)",
            TextCatalogue.Spanish.Sentence(Unverifiable));

    [Fact]
    public void Write_ObservedChange_SaysWhatWasComparedWithWhatInBothLanguages()
    {
        var reason = Unverifiable with
        {
            Code = ReasonCode.SignificantChange,
            Rating = Rating.OnTrack,
            Threshold = 10,
            Unit = "kg",
            DefaultPolicy = true,
            Change = new ChangeFinding(-15.2, -20.1, -10.3, 0.95, false)
            {
                From = "2025-02",
                To = "2026-01",
                Mean = 920.14,
                Count = 12,
                BaselineFrom = "2024-01",
                BaselineTo = "2024-12",
                Baseline = 1085.0345,
                Method = Core.Evaluation.Statistics.ObservedChangeMethod.DifferenceOfMeans,
            },
        };

        Assert.Equal(
            "Fentanyl seizures at the southwest border fell 15.2% against its baseline (mean of Feb 2025 – Jan 2026: 920.1 kg against 1,085 kg, the mean of Jan 2024 – Dec 2024; 95% CI -20.1% to -10.3%), at least the 10% the default policy calls significant (no target set): ON TRACK",
            TextCatalogue.English.Sentence(reason));
        Assert.Equal(
            "Fentanyl seizures at the southwest border bajó 15.2% respecto de su línea base (media de feb 2025 – ene 2026: 920.1 kg frente a 1,085 kg, la media de ene 2024 – dic 2024; IC del 95%: -20.1% a -10.3%), al menos el 10% que la política por defecto considera significativo (sin meta fijada): EN CAMINO",
            TextCatalogue.Spanish.Sentence(reason));
    }

    [Fact]
    public void Write_IllustrativeTarget_SaysSoInBothLanguages()
    {
        var reason = Unverifiable with
        {
            Code = ReasonCode.BehindTargetPath,
            Rating = Rating.Incremental,
            Latest = 900,
            Expected = 800,
            Target = 600,
            TargetBy = new DateOnly(2026, 12, 31),
            TargetBasis = TargetBasis.Illustrative,
            Unit = "kg",
        };

        Assert.Contains("the ILLUSTRATIVE (not agreed) target of 600 kg by 31 Dec 2026", TextCatalogue.English.Sentence(reason), StringComparison.Ordinal);
        Assert.Contains("la meta ILUSTRATIVA (no acordada) de 600 kg para el 31 dic 2026", TextCatalogue.Spanish.Sentence(reason), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EveryCode_GivesASentenceInBothLanguages()
    {
        foreach (var code in Enum.GetValues<ReasonCode>())
        {
            var reason = Unverifiable with { Code = code, Have = 2, Needed = 6, Disputed = 2, Threshold = 10, Parts = new Dictionary<string, int> { ["MET"] = 1 } };
            foreach (var language in Enum.GetValues<ScorecardLanguage>())
            {
                Assert.False(string.IsNullOrWhiteSpace(TextCatalogue.For(language).Sentence(reason)));
            }
        }
    }

    [Fact]
    public void Write_RollupWorst_CountsThePartsOnceWithoutDoubleColon()
    {
        var reason = Unverifiable with { Code = ReasonCode.RollupWorst, Subject = "Fentanyl seized", Parts = new Dictionary<string, int> { ["UNVERIFIABLE"] = 2, ["ON_TRACK"] = 1 } };

        var english = TextCatalogue.English.Sentence(reason);

        Assert.StartsWith("Rated by its weakest part (Fentanyl seized) of 3 parts (1 ON TRACK, 2 UNVERIFIABLE): ", english, StringComparison.Ordinal);
        Assert.Contains("de 3 partes", TextCatalogue.Spanish.Sentence(reason), StringComparison.Ordinal);
    }
}
