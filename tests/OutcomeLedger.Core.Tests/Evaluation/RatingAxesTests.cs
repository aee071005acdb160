using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Evaluation;

/// <summary>
/// Issue 12, Why 4 to 8: the observed change against the baseline first, trend tests and the confirmed share on the
/// assessment window, the right word for each gap, figures for people rounded, and the two axes with what each
/// rating still needs. Each test reproduces the defect as the issue found it.
/// </summary>
public class RatingAxesTests
{
    const string Seizures = "sw-border-fentanyl-seizures";

    static ScorecardIndicator Only(Scorecard scorecard) => scorecard.Commitments.Single().Indicators.Single();

    /// <summary>Logs one acknowledged value per month from <paramref name="from"/>, <paramref name="value"/> of the month's index.</summary>
    static List<ulong> Monthly(TestLedger ledger, Period from, int months, Func<int, double> value, bool acknowledge = true, string indicator = Seizures)
    {
        var indexes = new List<ulong>();
        for (var i = 0; i < months; i++)
        {
            var start = from.Start.AddMonths(i);
            var index = ledger.Measure(indicator, Period.Month(start.Year, start.Month), Math.Round((decimal)value(i), 1));
            if (acknowledge)
            {
                ledger.Attest(index, Verdict.Acknowledged);
            }

            indexes.Add(index);
        }

        return indexes;
    }

    /// <summary>
    /// Why 4: a series rising until the commitment and flat afterwards was ON_TRACK ("fell 27.2% against the projected
    /// trend") although it stood 15% above its baseline. Against its baseline it rose: for an indicator that should
    /// fall, that is REGRESSED, and the projected trend is only secondary evidence.
    /// </summary>
    [Fact]
    public void Evaluate_RisingUntilTheCommitmentThenFlat_IsNotProgress()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        // 2022-01 to 2024-12 rising by 1% a month, then flat at the level reached.
        Monthly(ledger, Period.Month(2022, 1), 48, i => 1000 * Math.Pow(1.01, Math.Min(i, 35)) * (1 + (0.002 * Math.Sin(i))));

        var indicator = Only(ledger.Evaluate());
        var series = indicator.Series.Single();

        Assert.NotEqual(Rating.OnTrack, indicator.Rating);
        Assert.NotEqual(Rating.Met, indicator.Rating);
        Assert.Equal(Rating.Regressed, series.Finding);
        Assert.Equal(ReasonCode.WrongDirection, indicator.Reason.Code);
        Assert.False(indicator.Reason.Change!.AgainstTrend);
        Assert.True(series.Statistics.ObservedChange!.PercentLower > 0);
        Assert.StartsWith("Fentanyl seizures at the southwest border rose", indicator.Reason.Text, StringComparison.Ordinal);
        Assert.Contains("against its baseline (mean of Jan 2025 – Dec 2025", indicator.Reason.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Why 5: the trend tests ran on the whole history and contradicted the rating ("Sen's slope +571.8 per month"
    /// beside "fell 64.9%"). They run on the assessment window and say which periods they ran on.
    /// </summary>
    [Fact]
    public void Evaluate_LongRiseBeforeTheBaseline_TrendTestsRunOnTheAssessmentWindow()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures, aggregation: Aggregation.TwelveMonthEnding);
        // 2015-01 to 2023-12 a steep rise (the old history), 2024 flat at 10,000 (the baseline), then a steady fall.
        Monthly(ledger, Period.Month(2015, 1), 108, i => 1000 + (i * 80));
        Monthly(ledger, Period.Month(2024, 1), 12, i => 10000 + (i % 2 == 0 ? 30 : -30));
        Monthly(ledger, Period.Month(2025, 1), 12, i => 9500 - (i * 300));

        var series = Only(ledger.Evaluate()).Series.Single();

        var trend = series.Statistics.TrendTest!;
        Assert.Equal("2024-01", trend.From);
        Assert.Equal("2025-12", trend.To);
        Assert.True(trend.SensSlope < 0);
        Assert.Equal("2024-01", series.Window!.BaselineFrom);
        Assert.Equal("2025-01", series.Window.From);
        Assert.Equal(24, series.Statistics.SegmentedRegression!.Count);
        Assert.True(series.Statistics.ObservedChange!.Percent < 0);
        var markdown = MarkdownScorecard.Render(ledger.Evaluate(), ScorecardLanguage.English);
        Assert.Contains("Mann-Kendall trend test (secondary evidence, does not decide the rating; on Jan 2024 – Dec 2025)", markdown, StringComparison.Ordinal);
    }

    /// <summary>
    /// Why 6: the confirmed share counted the whole history ("only 0 of 133 monthly values are acknowledged"), so the
    /// counterparty had to acknowledge values back to 2015. Only the values in the assessment window count.
    /// </summary>
    [Fact]
    public void Evaluate_UnacknowledgedHistoryBeforeTheWindow_DoesNotCountAgainstTheConfirmedShare()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        Monthly(ledger, Period.Month(2015, 1), 108, i => 1000 + (10 * Math.Sin(i)), acknowledge: false);
        Monthly(ledger, Period.Month(2024, 1), 12, i => 1000 + (10 * Math.Sin(i)));
        Monthly(ledger, Period.Month(2025, 1), 12, i => 700 + (10 * Math.Sin(i)));

        var indicator = Only(ledger.Evaluate());
        var confirmation = indicator.Series.Single().Confirmation!;

        Assert.Equal(24, confirmation.Values);
        Assert.Equal(24, confirmation.Confirmed);
        Assert.True(confirmation.Passes);
        Assert.Equal(Rating.OnTrack, indicator.Rating);
        Assert.Equal(Rating.OnTrack, indicator.Finding);
        Assert.Empty(indicator.Needs!);
    }

    /// <summary>The confirmed share can still fail: only the window's values are asked for, and the need names them and the counterparty.</summary>
    [Fact]
    public void Evaluate_UnacknowledgedWindow_IsUnverifiableAndNamesWhatIsNeeded()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        Monthly(ledger, Period.Month(2024, 1), 12, i => 1000 + (10 * Math.Sin(i)), acknowledge: false);
        Monthly(ledger, Period.Month(2025, 1), 12, i => 700 + (10 * Math.Sin(i)), acknowledge: false);

        var scorecard = ledger.Evaluate();
        var indicator = Only(scorecard);

        Assert.Equal(Rating.Unverifiable, indicator.Rating);
        Assert.Equal(Rating.OnTrack, indicator.Finding);
        Assert.False(indicator.Confirmation!.Passes);
        var need = Assert.Single(indicator.Needs!);
        Assert.Equal(NeedCode.Acknowledgement, need.Code);
        Assert.Equal(["mx"], need.Parties);
        Assert.Equal(12, need.Count);
        Assert.Equal("2024-01", need.From);
        Assert.Equal("2025-12", need.To);
        Assert.Equal("needs mx's acknowledgement (or a verifier's check) of 12 more values in Jan 2024 – Dec 2025", TextCatalogue.English.Need(need));
        var markdown = MarkdownScorecard.Render(scorecard, ScorecardLanguage.English);
        Assert.Contains("| Commitment | Terms | Rating | What the data says | Confirmed | Still needs | Reason |", markdown, StringComparison.Ordinal);
        Assert.Contains("| **UNVERIFIABLE** | ON TRACK | 0 of 24 confirmed (0.0%; 50% needed), 0 open disputes | needs mx's acknowledgement", markdown, StringComparison.Ordinal);
    }

    /// <summary>
    /// Why 7: too little data after the commitment was UNVERIFIABLE ("only 4 counted monthly values after the
    /// commitment; the agreed policy needs 6") and "the agreed policy" was said with no policy logged. It is
    /// NOT_YET_ASSESSED, under "the default policy", with the months still needed and when they are expected.
    /// </summary>
    [Fact]
    public void Evaluate_FourMonthsAfterTheCommitment_IsNotYetAssessedUnderTheDefaultPolicy()
    {
        var ledger = new TestLedger(madeOn: new DateOnly(2025, 9, 3));
        ledger.Indicator(Seizures);
        Monthly(ledger, Period.Month(2024, 1), 20, i => 1000 + (10 * Math.Sin(i)), acknowledge: false);
        Monthly(ledger, Period.Month(2025, 9), 4, i => 900 + (10 * Math.Sin(i)), acknowledge: false);
        ledger.At = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
        ledger.Apply(new StatementRecord
        {
            Author = TestLedger.Operator,
            RecordedAt = ledger.At,
            Id = new StatementId("later-statement"),
            Date = new DateOnly(2026, 3, 10),
            Title = "A later statement",
            Parties = [TestLedger.Us],
            StatementKind = StatementKind.PressRelease,
            SourceUrl = "https://example.org/later",
        });

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.NotYetAssessed, indicator.Rating);
        Assert.Equal(ReasonCode.TooEarly, indicator.Reason.Code);
        Assert.Equal(4, indicator.Reason.Have);
        Assert.Equal(6, indicator.Reason.Needed);
        Assert.Contains("the default policy", indicator.Reason.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("agreed policy", indicator.Reason.Text, StringComparison.Ordinal);
        var more = Assert.Single(indicator.Needs!, n => n.Code == NeedCode.MoreData);
        Assert.Equal(2, more.Count);
        Assert.Equal("2026-02", more.ExpectedBy);
        Assert.Equal("needs 2 more months of data, expected by Feb 2026", TextCatalogue.English.Need(more));
        Assert.Equal("necesita 2 meses más de datos, previstos para feb 2026", TextCatalogue.Spanish.Need(more));
    }

    /// <summary>With a policy logged and accepted by every party of the agreement, the reasons say "the agreed policy".</summary>
    [Fact]
    public void Evaluate_LoggedPolicyAcceptedByBoth_IsCalledTheAgreedPolicy()
    {
        var ledger = new TestLedger();
        var policy = ledger.Policy(new EvaluationPolicy());
        ledger.Apply(new AcceptanceRecord { Author = TestLedger.Us, RecordedAt = ledger.At, Entry = policy });
        ledger.Apply(new AcceptanceRecord { Author = TestLedger.Mx, RecordedAt = ledger.At, Entry = policy });
        ledger.Indicator(Seizures);
        ledger.Series(Seizures, effect: -0.05, noise: 0.005);

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.Incremental, indicator.Rating);
        Assert.Contains("the agreed policy calls significant", indicator.Reason.Text, StringComparison.Ordinal);
        Assert.Null(indicator.Reason.DefaultPolicy);
        Assert.Null(indicator.Reason.PolicyProposedBy);
    }

    /// <summary>
    /// Issue 12, Deliver 3 and 6: a policy logged by one side and not accepted by every party is not "the agreed
    /// policy"; the reasons name who proposed it, in both languages.
    /// </summary>
    [Fact]
    public void Evaluate_LoggedPolicyNotAcceptedByMx_IsCalledThePolicyProposedByItsAuthor()
    {
        var ledger = new TestLedger();
        var policy = ledger.Policy(new EvaluationPolicy());
        ledger.Apply(new AcceptanceRecord { Author = TestLedger.Us, RecordedAt = ledger.At, Entry = policy });
        ledger.Indicator(Seizures);
        ledger.Series(Seizures, effect: -0.05, noise: 0.005);

        var indicator = Only(ledger.Evaluate());

        Assert.Equal("operator", indicator.Reason.PolicyProposedBy);
        Assert.Contains("the policy proposed by operator, not yet accepted by every party calls significant", indicator.Reason.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("agreed policy", indicator.Reason.Text, StringComparison.Ordinal);
        Assert.Contains("la política propuesta por operator, aún no aceptada por todas las partes", TextCatalogue.Spanish.Sentence(indicator.Reason), StringComparison.Ordinal);
    }

    /// <summary>A missing baseline is its own reason, with what would fix it, never UNVERIFIABLE.</summary>
    [Fact]
    public void Evaluate_NoValuesBeforeTheCommitment_IsNotYetAssessedForWantOfABaseline()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        Monthly(ledger, Period.Month(2025, 1), 12, i => 700 + (10 * Math.Sin(i)));

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.NotYetAssessed, indicator.Rating);
        Assert.Equal(ReasonCode.NoBaseline, indicator.Reason.Code);
        Assert.Contains("no baseline to judge a change against: only 0 counted monthly values in the baseline periods Jan 2024 – Dec 2024, and 12 are needed; a stated baseline would fix it", indicator.Reason.Text, StringComparison.Ordinal);
        var need = Assert.Single(indicator.Needs!);
        Assert.Equal(NeedCode.Baseline, need.Code);
        Assert.Equal("needs a stated baseline, or 12 more values counted in Jan 2024 – Dec 2024", TextCatalogue.English.Need(need));
    }

    /// <summary>A stated baseline is enough: the change is measured against it.</summary>
    [Fact]
    public void Evaluate_StatedBaselineWithoutEarlierValues_IsAssessedAgainstIt()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures, baseline: new Baseline(Period.Month(2024, 1), Period.Month(2024, 12), 1000m));
        Monthly(ledger, Period.Month(2025, 1), 12, i => 700 + (10 * Math.Sin(i)));

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.OnTrack, indicator.Rating);
        Assert.Equal(Core.Evaluation.Statistics.ObservedChangeMethod.StatedBaseline, indicator.Series.Single().Statistics.ObservedChange!.Method);
        Assert.Contains("against the stated baseline of 1,000 kg", indicator.Reason.Text, StringComparison.Ordinal);
    }

    /// <summary>An open dispute in the window makes the headline UNVERIFIABLE, keeps the finding, and the need names its period.</summary>
    [Fact]
    public void Evaluate_OpenDisputeInTheWindow_NeedsItResolved()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        var indexes = ledger.Series(Seizures, effect: -0.3);
        ledger.Attest(indexes[39], Verdict.Disputed, figure: 1500m);

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.Unverifiable, indicator.Rating);
        Assert.Equal(Rating.OnTrack, indicator.Finding);
        Assert.Equal(1, indicator.Confirmation!.OpenDisputes);
        var need = Assert.Single(indicator.Needs!);
        Assert.Equal(["2025-04"], need.Periods);
        Assert.Equal("needs the dispute on Apr 2025 resolved", TextCatalogue.English.Need(need));
        Assert.Equal("necesita que se resuelva la disputa sobre abr 2025", TextCatalogue.Spanish.Need(need));
    }

    /// <summary>
    /// Why 8: figures for people were raw ("1,497.2737539011978") and "latest 1,118" was in fact a three-month mean.
    /// Text rounds to four significant digits (never more decimals than logged) and says what a derived figure is.
    /// </summary>
    [Fact]
    public void Render_RawLoggedFigures_AreRoundedAndDerivedFiguresSayWhatTheyAre()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures, baseline: new Baseline(Period.Month(2024, 1), Period.Month(2024, 12)), targets: [new Target(new DateOnly(2026, 12, 31), TargetBasis.Agreed, RelativeChange: -0.6m)]);
        for (var i = 0; i < 24; i++)
        {
            var period = Period.Month(2024 + (i / 12), (i % 12) + 1);
            var value = (i < 12 ? 1497.2737539011978m : 1118.3183m) + (i % 3);
            ledger.Attest(ledger.Measure(Seizures, period, value), Verdict.Acknowledged);
        }

        var scorecard = ledger.Evaluate();
        var markdown = MarkdownScorecard.Render(scorecard, ScorecardLanguage.English);
        var html = HtmlScorecard.Render(scorecard, ScorecardLanguage.English);

        Assert.DoesNotContain("1,497.27", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("1,497.27", html, StringComparison.Ordinal);
        Assert.Contains("| 1,497 | 1,497 |", markdown, StringComparison.Ordinal);
        Assert.Contains("kg, the mean of the last 3 months", TextCatalogue.English.Sentence(Only(scorecard).Reason), StringComparison.Ordinal);
        Assert.Contains("kg, la media de los últimos 3 meses", TextCatalogue.Spanish.Sentence(Only(scorecard).Reason), StringComparison.Ordinal);
        Assert.Equal("1,497.2737539011978", Only(scorecard).Series.Single().Points[0].Reported.ToString("#,##0.################", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The two axes reach the commitment: its finding, its summed confirmation and its parts' needs, each named.</summary>
    [Fact]
    public void Evaluate_CommitmentOfTwoIndicators_GathersBothAxes()
    {
        var ledger = new TestLedger();
        ledger.Indicator("a", name: "Indicator A");
        ledger.Indicator("b", name: "Indicator B");
        ledger.Series("a", effect: -0.3);
        ledger.Series("b", effect: -0.3, seed: 8, acknowledge: false);

        var commitment = ledger.Evaluate().Commitments.Single();

        Assert.Equal(Rating.Unverifiable, commitment.Rating);
        Assert.Equal(Rating.OnTrack, commitment.Finding);
        Assert.Equal(48, commitment.Confirmation!.Values);
        Assert.Equal(24, commitment.Confirmation.Confirmed);
        Assert.False(commitment.Confirmation.Passes);
        var need = Assert.Single(commitment.Needs!);
        Assert.Equal("b", need.Indicator);
        Assert.StartsWith("Indicator B: needs mx's acknowledgement", TextCatalogue.English.Needs(commitment.Needs, AxisSentence.NamesIn(commitment)), StringComparison.Ordinal);
    }
}
