using System.Text;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Evaluation;

/// <summary>
/// Issue 13, Deliver 6: an indicator declares its source's release cadence and usual lag, and every output says from
/// the scorecard's "as of" date whether its data is current ("overdue: latest value Dec 2025, expected through Oct
/// 2026 (monthly, about 2 weeks' lag)"). The declared lag replaces the default four months in the reason and needs.
/// </summary>
public class FreshnessTests
{
    const string Seizures = "sw-border-fentanyl-seizures";

    static readonly DateTimeOffset December2026 = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);

    static TestLedger Ledger(ReleaseCadence? cadence, string? lag, int? provisional, Period from, int months, DateTimeOffset asOf)
    {
        var ledger = new TestLedger(madeOn: new DateOnly(2025, 1, 15)) { At = asOf };
        ledger.Apply(new IndicatorRecord
        {
            Author = TestLedger.Operator,
            RecordedAt = ledger.At,
            Id = new IndicatorId(Seizures),
            Commitment = new CommitmentId("reduce-fentanyl-flow"),
            Name = "Fentanyl seizures at the southwest border",
            Unit = "lb",
            MeasureType = MeasureType.Amount,
            Direction = Direction.Down,
            PeriodType = PeriodType.Month,
            Aggregation = Aggregation.Sum,
            Reporter = TestLedger.Us,
            DataSource = "CBP drug seizure statistics",
            Cadence = cadence,
            Lag = lag,
            ProvisionalMonths = provisional,
        });
        for (var i = 0; i < months; i++)
        {
            var month = from.AddMonths(i);
            ledger.Measure(Seizures, month, 1000 - i);
        }
        return ledger;
    }

    static ScorecardIndicator Only(Scorecard scorecard) => scorecard.Commitments.Single().Indicators.Single();

    [Fact]
    public void Evaluate_MonthlyTwoWeeksLagEndingLongAgo_OverdueEverywhereInBothLanguages()
    {
        var scorecard = Ledger(ReleaseCadence.Monthly, "P2W", null, Period.Month(2024, 1), 24, December2026).Evaluate();
        var indicator = Only(scorecard);

        var freshness = indicator.Freshness!;
        Assert.Equal("2025-12", freshness.Latest);
        Assert.Equal("2026-10", freshness.ExpectedThrough);
        Assert.True(freshness.Overdue);
        // January 2026's value was due two weeks after January ended, not four months.
        Assert.Equal("2025-12", indicator.Reason.LatestValue);
        Assert.Equal("2026-02", indicator.Reason.DueBy);

        const string Line = "overdue: latest value Dec 2025, expected through Oct 2026 (monthly, about 2 weeks' lag)";
        Assert.Contains(Line, MarkdownScorecard.Render(scorecard, ScorecardLanguage.English), StringComparison.Ordinal);
        Assert.Contains("<strong>Freshness:</strong> overdue: latest value Dec 2025, expected through Oct 2026 (monthly, about 2 weeks", HtmlScorecard.Render(scorecard, ScorecardLanguage.English), StringComparison.Ordinal);
        var spanish = MarkdownScorecard.Render(scorecard, ScorecardLanguage.Spanish);
        Assert.Contains("atrasado: último valor dic 2025, previsto hasta oct 2026 (mensual, con un retraso habitual de 2 semanas)", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("overdue", spanish, StringComparison.Ordinal);
        var json = Encoding.UTF8.GetString(ScorecardJson.Serialize(scorecard));
        Assert.Contains("\"freshness\":{\"cadence\":\"monthly\",\"expectedThrough\":\"2026-10\",\"lag\":\"P2W\",\"latest\":\"2025-12\",\"overdue\":true}", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P2W", "2026-11-15", "2026-10")] // October's value came out by 14 November
    [InlineData("P2W", "2026-11-14", "2026-09")] // ... but not on the 14th itself
    [InlineData("P4M", "2026-12-03", "2026-07")] // July's, four months after 31 July
    [InlineData("P10D", "2026-12-11", "2026-11")]
    [InlineData(null, "2026-12-03", "2026-07")] // no lag declared: the default four months
    public void Evaluate_DeclaredLag_SetsTheLatestPeriodExpected(string? lag, string asOf, string expected)
    {
        var at = new DateTimeOffset(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var indicator = Only(Ledger(ReleaseCadence.Monthly, lag, null, Period.Month(2024, 1), 12, at).Evaluate());

        Assert.Equal(expected, indicator.Freshness!.ExpectedThrough);
    }

    [Fact]
    public void Evaluate_ValuesUpToTheExpectedPeriod_CurrentNotOverdue()
    {
        var scorecard = Ledger(ReleaseCadence.Monthly, "P4M", null, Period.Month(2025, 8), 12, December2026).Evaluate();
        var indicator = Only(scorecard);

        Assert.Equal("2026-07", indicator.Freshness!.Latest);
        Assert.Null(indicator.Freshness.Overdue);
        Assert.Null(indicator.Reason.LatestValue);
        Assert.Equal("current: latest value Jul 2026, expected through Jul 2026 (monthly, about 4 months' lag)", TextCatalogue.English.FreshnessLine(indicator.Freshness));
    }

    [Fact]
    public void Evaluate_NothingDeclared_NoFreshnessMemberAndTheDefaultLag()
    {
        var scorecard = Ledger(null, null, null, Period.Month(2024, 1), 24, December2026).Evaluate();
        var indicator = Only(scorecard);

        Assert.Null(indicator.Freshness);
        Assert.Equal("2026-05", indicator.Reason.DueBy);
        Assert.DoesNotContain("freshness", Encoding.UTF8.GetString(ScorecardJson.Serialize(scorecard)), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ProvisionalMonths_MarksTheSeriesLatestMonths()
    {
        var scorecard = Ledger(ReleaseCadence.Monthly, "P4M", 3, Period.Month(2025, 1), 12, December2026).Evaluate();
        var points = Only(scorecard).Series.Single().Points;

        Assert.Equal(["2025-10", "2025-11", "2025-12"], points.Where(p => p.Provisional).Select(p => p.Period));
        Assert.Contains("the latest 3 months' values are provisional", TextCatalogue.English.FreshnessLine(Only(scorecard).Freshness!), StringComparison.Ordinal);
        Assert.Contains("los valores de los últimos 3 meses son preliminares", TextCatalogue.Spanish.FreshnessLine(Only(scorecard).Freshness!), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoValueYet_SaysSo()
    {
        var indicator = Only(Ledger(ReleaseCadence.Monthly, "P2W", null, Period.Month(2024, 1), 0, December2026).Evaluate());

        Assert.Null(indicator.Freshness!.Latest);
        Assert.True(indicator.Freshness.Overdue);
        Assert.Equal("overdue: no value yet, expected through Oct 2026 (monthly, about 2 weeks' lag)", TextCatalogue.English.FreshnessLine(indicator.Freshness));
    }

    [Theory]
    [InlineData("2w", "P2W")]
    [InlineData("P4M", "P4M")]
    [InlineData("10d", "P10D")]
    [InlineData("1W", "P1W")]
    [InlineData("36m", "P36M")]
    public void ReleaseLag_TryParse_ReadsShortAndIsoForms(string text, string iso)
    {
        Assert.True(ReleaseLag.TryParse(text, out var lag));
        Assert.Equal(iso, lag.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("w")]
    [InlineData("0w")]
    [InlineData("2y")]
    [InlineData("P1M2D")]
    [InlineData("37m")]
    [InlineData("-2w")]
    [InlineData("2 w")]
    public void ReleaseLag_TryParse_RefusesWhatIsNotALag(string text) => Assert.False(ReleaseLag.TryParse(text, out _));
}
