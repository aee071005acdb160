using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Tests.Evaluation;
using OutcomeLedger.Core.Text;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Tests.Sessions;

/// <summary>
/// The review queue's grouping (<see cref="LedgerSession.Review"/>, behind <c>outcomes review</c>, <c>GET /api/v1/review</c>
/// and the dashboard's <c>/review</c>): the values awaiting a party, by indicator and run of consecutive periods, newest
/// first, each group with what acknowledging its commitment's awaiting values would change, in the words both show.
/// </summary>
public sealed class ReviewQueueTests
{
    const string Seizures = "sw-border-fentanyl-seizures";
    const string Deaths = "overdose-deaths";

    static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Each case: a ledger (built by <see cref="Arrange"/> from the case's name), the party whose queue it is, and the
    /// groups expected, newest first, as "indicator from..to: periods of the values, newest first".
    /// </summary>
    [Theory]
    [InlineData("runs split at a gap", "mx", "seizures 2025-06..2025-06: 2025-06 | seizures 2025-01..2025-03: 2025-03 2025-02 2025-01")]
    [InlineData("an acknowledged value leaves the queue and splits its run", "mx", "seizures 2025-06..2025-06: 2025-06 | seizures 2025-03..2025-03: 2025-03 | seizures 2025-01..2025-01: 2025-01")]
    [InlineData("a withdrawn dispute awaits again", "mx", "seizures 2025-06..2025-06: 2025-06 | seizures 2025-01..2025-03: 2025-03 2025-02 2025-01")]
    [InlineData("a standing dispute is a verdict", "mx", "seizures 2025-06..2025-06: 2025-06 | seizures 2025-01..2025-02: 2025-02 2025-01")]
    [InlineData("a corrected value awaits once, as corrected", "mx", "seizures 2025-06..2025-06: 2025-06 | seizures 2025-01..2025-03: 2025-03 2025-02 2025-01")]
    [InlineData("the reporter awaits nothing on its own values", "us", "")]
    [InlineData("a verifier sees the values a party acknowledged", "gao", "seizures 2025-06..2025-06: 2025-06 | seizures 2025-01..2025-03: 2025-03 2025-02 2025-01")]
    [InlineData("indicators apart, the newest run first", "mx", "deaths 2025-04..2025-05: 2025-05 2025-04 | seizures 2025-03..2025-03: 2025-03 | deaths 2025-01..2025-01: 2025-01")]
    [InlineData("same end, by indicator id", "mx", "deaths 2025-02..2025-03: 2025-03 2025-02 | seizures 2025-03..2025-03: 2025-03")]
    [InlineData("series of one month together, by series", "mx", "seizures 2025-01..2025-02: 2025-02 2025-02 2025-01")]
    [InlineData("nothing measured", "mx", "")]
    public void Review_GroupsByIndicatorAndRunOfPeriodsNewestFirst(string name, string party, string expected)
    {
        var ledger = Arrange(name);

        var queue = Review(ledger, party);

        Assert.Equal(expected, Describe(queue));
        Assert.Equal(queue.Groups.Sum(g => g.Values.Count), queue.Count);
        Assert.All(queue.Groups, g => Assert.All(g.Values, v => Assert.NotEqual(new PartyId(party), v.Record.Author)));
    }

    static TestLedger Arrange(string name)
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        ledger.Indicator(Deaths, name: "Overdose deaths", unit: "deaths");
        ulong Measure(string indicator, string period, decimal value = 100m, IReadOnlyDictionary<string, string>? dimensions = null) =>
            ledger.Measure(indicator, Period.Parse(period), value, dimensions: dimensions);
        ulong[] Usual() => [.. new[] { "2025-01", "2025-02", "2025-03", "2025-06" }.Select(p => Measure(Seizures, p))];
        switch (name)
        {
            case "runs split at a gap":
            case "the reporter awaits nothing on its own values":
                Usual();
                break;
            case "an acknowledged value leaves the queue and splits its run":
                ledger.Attest(Usual()[1], Verdict.Acknowledged);
                break;
            case "a withdrawn dispute awaits again":
                var disputed = Usual()[2];
                ledger.Attest(disputed, Verdict.Disputed, figure: 90m);
                ledger.Attest(disputed, Verdict.Withdrawn);
                break;
            case "a standing dispute is a verdict":
                ledger.Attest(Usual()[2], Verdict.Disputed, figure: 90m);
                break;
            case "a corrected value awaits once, as corrected":
                var march = Usual()[2];
                ledger.Measure(Seizures, Period.Parse("2025-03"), 95m, supersedes: march);
                break;
            case "a verifier sees the values a party acknowledged":
                foreach (var index in Usual())
                {
                    ledger.Attest(index, Verdict.Acknowledged, TestLedger.Mx);
                }

                break;
            case "indicators apart, the newest run first":
                Measure(Deaths, "2025-01");
                Measure(Seizures, "2025-03");
                Measure(Deaths, "2025-04");
                Measure(Deaths, "2025-05");
                break;
            case "same end, by indicator id":
                Measure(Seizures, "2025-03");
                Measure(Deaths, "2025-02");
                Measure(Deaths, "2025-03");
                break;
            case "series of one month together, by series":
                Measure(Seizures, "2025-01");
                Measure(Seizures, "2025-02", dimensions: new Dictionary<string, string> { ["port"] = "b" });
                Measure(Seizures, "2025-02", dimensions: new Dictionary<string, string> { ["port"] = "a" });
                break;
            case "nothing measured":
                break;
            default:
                throw new ArgumentException($"no case '{name}'", nameof(name));
        }

        return ledger;
    }

    [Fact]
    public void Review_SeriesOfOneMonth_OrderedBySeriesKeyWithinTheMonth()
    {
        var ledger = Arrange("series of one month together, by series");

        var group = Assert.Single(Review(ledger, "mx").Groups);

        Assert.Equal(["a", "b", null], group.Values.Select(v => v.Record.Dimensions.GetValueOrDefault("port")));
    }

    [Fact]
    public void Review_Operator_IsNoCounterparty_AndAVerifierOutsideTheAgreementStillSees()
    {
        var ledger = Arrange("runs split at a gap");

        Assert.Equal(4, Review(ledger, "gao").Count);
        Assert.Equal(0, Review(ledger, "operator").Count + Review(ledger, "nobody").Count);
    }

    [Theory]
    [InlineData(false, "Unverifiable", "OnTrack", true, "Acknowledging the 48 values awaiting mx on reduce-fentanyl-flow makes it assessable (ON TRACK).")]
    [InlineData(true, "OnTrack", "OnTrack", false, "Acknowledging the 1 value awaiting mx on reduce-fentanyl-flow leaves it ON TRACK.")]
    public void Review_Effect_IsTheEvaluationWithTheAwaitingValuesAcknowledged(bool acknowledged, string before, string after, bool assessable, string sentence)
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        var indexes = ledger.Series(Seizures, effect: -0.3, acknowledge: acknowledged);
        if (acknowledged)
        {
            // One value of 2022, far before the assessment window, still awaits: acknowledging it changes nothing.
            ledger.Attest(indexes[0], Verdict.Withdrawn);
        }

        var queue = Review(ledger, "mx");

        var effect = Assert.Single(queue.Groups.Select(g => g.Effect).Distinct());
        Assert.Equal((Enum.Parse<Rating>(before), Enum.Parse<Rating>(after), assessable), (effect.Before, effect.After, effect.MakesAssessable));
        Assert.Equal(queue.Count, effect.Values);
        Assert.Equal(sentence, effect.Sentence(TextCatalogue.English, new PartyId("mx")));
        Assert.DoesNotContain("Acknowledging", effect.Sentence(TextCatalogue.Spanish, new PartyId("mx")), StringComparison.Ordinal);
    }

    [Fact]
    public void Review_Effect_ChangesRating_SaysFromWhatToWhat()
    {
        var effect = new ReviewEffect(new CommitmentId("reduce-fentanyl-flow"), 6, Rating.Stalled, Rating.OnTrack);

        Assert.Equal("Acknowledging the 6 values awaiting mx on reduce-fentanyl-flow changes its rating from STALLED to ON TRACK.", effect.Sentence(TextCatalogue.English, new PartyId("mx")));
        Assert.False(effect.MakesAssessable);
    }

    [Fact]
    public void Review_Words_SummaryHeadingAndSourcesAsTheCliAndPageShowThem()
    {
        var ledger = Arrange("runs split at a gap");
        var size = ledger.State.Size;

        var queue = Review(ledger, "mx");

        var english = TextCatalogue.English;
        Assert.Equal($"Awaiting mx's attestation at checkpoint {size}: 4 values of 1 indicator, newest first.", queue.Summary(english));
        Assert.Equal("sw-border-fentanyl-seizures (Fentanyl seizures at the southwest border), reported by us: 2025-01 to 2025-03, 3 values", queue.Groups[1].Heading(english));
        Assert.Equal("sw-border-fentanyl-seizures (Fentanyl seizures at the southwest border), reported by us: Jan 2025 to Mar 2025, 3 values", queue.Groups[1].Heading(english, english.Format.Period));
        Assert.Equal("Sources: CBP nationwide drug seizures", queue.Groups[1].SourcesLine(english));
        Assert.Equal("Nothing awaits us's attestation at checkpoint 0.", new ReviewQueue(new PartyId("us"), null, []).Summary(english));
        Assert.StartsWith("Pendiente de la atestación de mx", queue.Summary(TextCatalogue.Spanish), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-01", "2025-03", "0 1 2")]
    [InlineData("2025-02", "2025-06", "1 2 3")]
    [InlineData("2025-04", "2025-05", "")]
    [InlineData("2025-06", "2025-06", "3")]
    public void Awaiting_ValuesOfAnIndicatorInARange_AsTheQueueHoldsThem(string from, string to, string expected)
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        ledger.Indicator(Deaths, name: "Overdose deaths");
        var values = new[] { "2025-01", "2025-02", "2025-03", "2025-06" }.Select(p => ledger.Measure(Seizures, Period.Parse(p), 100m)).ToList();
        ledger.Measure(Deaths, Period.Parse("2025-02"), 10m);

        var queue = Review(ledger, "mx");

        var expectedIndexes = expected.Length == 0 ? [] : expected.Split(' ').Select(n => values[int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)]).ToList();
        Assert.Equal(expectedIndexes, queue.Awaiting(new IndicatorId(Seizures), Period.Parse(from), Period.Parse(to)));
        Assert.Empty(queue.Awaiting(new IndicatorId("unknown"), Period.Parse(from), Period.Parse(to)));
    }

    static ReviewQueue Review(TestLedger ledger, string party)
    {
        var state = ledger.State;
        var checkpoint = new StoredCheckpoint(state.Size, Hash.FromBytes(new byte[32]), "example.org/outcomes");
        return LedgerSession.Review(state, new PartyId(party), checkpoint, TestLedger.CheckpointFor(state), Now);
    }

    static string Describe(ReviewQueue queue) => string.Join(" | ", queue.Groups.Select(g =>
        $"{Short(g.Indicator.Id.Value)} {g.From}..{g.To}: {string.Join(' ', g.Values.Select(v => v.Record.Period.ToString()))}"));

    static string Short(string indicator) => indicator == Seizures ? "seizures" : indicator == Deaths ? "deaths" : indicator;
}
