using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Text;

public class TextCatalogueTests
{
    public static TheoryData<string> ShortfallNames => [.. EnglishLeaks.SampleShortfalls().Select(s => s.Name)];

    [Fact]
    public void Templates_EnglishAndSpanish_NameTheSamePlaceholders()
    {
        foreach (var (name, english, spanish) in EnglishLeaks.Pairs())
        {
            Assert.True(
                TextCatalogue.Placeholders(english).Order(StringComparer.Ordinal).SequenceEqual(TextCatalogue.Placeholders(spanish).Order(StringComparer.Ordinal)),
                $"{name}: \"{english}\" and \"{spanish}\" name different placeholders");
        }
    }

    /// <summary>A Spanish string copied from English, or keeping an English word, is an untranslated one.</summary>
    [Fact]
    public void Spanish_EveryString_IsTranslated()
    {
        string[] alike = ["RatingIncremental", "No", "Total", "StatsMannKendall", "StatsNormal", "PeriodRange"];
        foreach (var (name, english, spanish) in EnglishLeaks.Pairs().Where(p => !alike.Contains(p.Name)))
        {
            Assert.NotEqual(english, spanish);
            var kept = EnglishLeaks.Words(spanish).Where(EnglishLeaks.EnglishWords.Contains).ToList();
            Assert.True(kept.Count == 0, $"{name}: \"{spanish}\" keeps English words: {string.Join(", ", kept)}");
        }
    }

    [Fact]
    public void Months_EachLanguage_HasTwelveNamesAndAbbreviations()
    {
        foreach (var catalogue in TextCatalogue.All)
        {
            Assert.Equal(12, catalogue.MonthNames.Count);
            Assert.Equal(12, catalogue.MonthAbbreviations.Count);
        }
    }

    [Fact]
    public void Fill_PlaceholderWithoutValue_Throws()
    {
        Assert.Equal("checkpoint of 12 entries", TextCatalogue.Fill(TextCatalogue.English.AtCheckpoint, ("size", "12")));
        Assert.Throws<FormatException>(() => TextCatalogue.Fill(TextCatalogue.English.AtCheckpoint, ("count", "12")));
    }

    [Theory]
    [MemberData(nameof(ShortfallNames))]
    public void Shortfall_EnglishSentence_ReadsBackToTheSameCodeAndNumbers(string name)
    {
        var shortfall = EnglishLeaks.SampleShortfalls().Single(s => s.Name == name).Shortfall;

        Assert.True(TextCatalogue.English.TryParseShortfall(TextCatalogue.English.Sentence(shortfall), out var read));
        Assert.Equal(shortfall, read);
    }

    [Fact]
    public void Shortfall_EveryCode_HasASample() =>
        Assert.Equal(
            Enum.GetValues<ShortfallCode>().Order(),
            EnglishLeaks.SampleShortfalls().Select(s => s.Shortfall.Code).Distinct().Order());

    [Theory]
    [InlineData("only 7 monthly values after the intervention (2024-01); at least 12 are needed")]
    [InlineData("only 0 of 12 calendar months have at least 3 years of values (e.g. January has 2); the seasonal test needs 12")]
    [InlineData("no baseline value: only 4 baseline values; at least 12 are needed")]
    public void Shortfall_SentencesOfSchemaOne_AreReadAndWrittenAgainByteForByte(string sentence)
    {
        Assert.True(TextCatalogue.English.TryParseShortfall(sentence, out var read));
        Assert.Equal(sentence, TextCatalogue.English.Sentence(read!));
    }

    [Theory]
    [InlineData("only 7 monthly values after the intervention (2024-01); at least 11 are needed, roughly")]
    [InlineData("only 1 monthly values after the intervention (2024-01); at least 12 are needed")]
    [InlineData("something else entirely")]
    public void Shortfall_SentenceTheCatalogueDoesNotWrite_IsNotRead(string sentence) =>
        Assert.False(TextCatalogue.English.TryParseShortfall(sentence, out _));

    [Fact]
    public void Shortfall_Spanish_SaysTheSameNumbersInSpanish() =>
        Assert.Equal(
            "solo 7 valores mensuales después de la intervención (2024-01); se necesitan al menos 12",
            TextCatalogue.Spanish.Sentence(Shortfall.TooFewAfterIntervention(7, 12, Period.Month(2024, 1))));
}
