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
            "Fentanyl seizures at the southwest border fell 23.4% against the projected trend (95% CI -31.2% to -15.6%), but only 7 of 48 monthly values are acknowledged by the counterparty or verified: UNVERIFIABLE under the agreed policy (at least 50% needed)",
            TextCatalogue.English.Sentence(Unverifiable));

    [Fact]
    public void Write_Spanish_TranslatesWordsAndKeepsTheNumbers() =>
        Assert.Equal(
            "Fentanyl seizures at the southwest border bajó 23.4% respecto de la tendencia proyectada (IC del 95%: -31.2% a -15.6%), pero solo 7 de 48 valores mensuales están reconocidos por la contraparte o verificados: NO VERIFICABLE según la política acordada (exige al menos 50%)",
            TextCatalogue.Spanish.Sentence(Unverifiable));

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
