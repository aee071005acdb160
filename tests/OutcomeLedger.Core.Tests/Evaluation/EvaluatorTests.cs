using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Evaluation;

public class EvaluatorTests
{
    const string Seizures = "sw-border-fentanyl-seizures";

    static readonly Baseline Year2024 = new(Period.Month(2024, 1), Period.Month(2024, 12));

    static ScorecardIndicator Only(Scorecard scorecard) => scorecard.Commitments.Single().Indicators.Single();

    [Fact]
    public void Evaluate_NoChangeBeyondNoise_IsStalled()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        ledger.Series(Seizures, effect: 0, noise: 0.05);

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.Stalled, indicator.Rating);
        Assert.Equal(ReasonCode.NoDistinguishableChange, indicator.Reason.Code);
        Assert.True(indicator.Reason.Change!.Lower <= 0 && indicator.Reason.Change.Upper >= 0);
        Assert.Contains("the interval includes zero", indicator.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RiseOfAnIndicatorThatShouldFall_IsRegressed()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        ledger.Series(Seizures, effect: 0.3);

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.Regressed, indicator.Rating);
        Assert.True(indicator.Reason.Change!.Lower > 0);
        Assert.StartsWith("Fentanyl seizures at the southwest border rose", indicator.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SmallSignificantFall_IsIncrementalBelowThreshold()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        ledger.Series(Seizures, effect: -0.05, noise: 0.005);

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.Incremental, indicator.Rating);
        Assert.Equal(ReasonCode.BelowThreshold, indicator.Reason.Code);
        Assert.True(indicator.Reason.Change!.Upper < 0);
        Assert.Contains("less than the 10% the default policy calls significant: INCREMENTAL", indicator.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LargeFallWithoutTarget_IsOnTrack()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        ledger.Series(Seizures, effect: -0.3);

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.OnTrack, indicator.Rating);
        Assert.Equal(ReasonCode.SignificantChange, indicator.Reason.Code);
        Assert.InRange(indicator.Reason.Change!.Percent, -35, -25);
    }

    [Fact]
    public void Evaluate_AheadOfTheTargetPath_IsOnTrack()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures, baseline: Year2024, targets: [new Target(new DateOnly(2026, 12, 31), TargetBasis.Agreed, RelativeChange: -0.4m)]);
        ledger.Series(Seizures, effect: -0.3);

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.OnTrack, indicator.Rating);
        Assert.Equal(ReasonCode.OnTargetPath, indicator.Reason.Code);
        var path = indicator.Series.Single().Statistics.TargetPath!;
        Assert.True(path.FractionAchieved >= path.FractionOfTimeElapsed);
    }

    [Fact]
    public void Evaluate_BehindTheTargetPath_IsIncremental()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures, baseline: Year2024, targets: [new Target(new DateOnly(2025, 12, 31), TargetBasis.Agreed, RelativeChange: -0.6m)]);
        ledger.Series(Seizures, effect: -0.15);

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.Incremental, indicator.Rating);
        Assert.Equal(ReasonCode.BehindTargetPath, indicator.Reason.Code);
        Assert.Contains("is behind the path to the target of", indicator.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TargetReachedByAcknowledgedValues_IsMet()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures, baseline: Year2024, targets: [new Target(new DateOnly(2026, 12, 31), TargetBasis.Agreed, RelativeChange: -0.3m)]);
        ledger.Series(Seizures, effect: -0.5);

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.Met, indicator.Rating);
        Assert.Equal(ReasonCode.TargetReached, indicator.Reason.Code);
        Assert.True(indicator.Targets.Single().Active);
    }

    [Fact]
    public void Evaluate_IllustrativeTarget_IsLabelledInTheReason()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures, baseline: Year2024, targets: [new Target(new DateOnly(2026, 12, 31), TargetBasis.Illustrative, RelativeChange: -0.3m)]);
        ledger.Series(Seizures, effect: -0.5);

        var indicator = Only(ledger.Evaluate());

        Assert.Contains("ILLUSTRATIVE (not agreed) target", indicator.Reason.Text, StringComparison.Ordinal);
        Assert.Equal(TargetBasis.Illustrative, indicator.Targets.Single().Basis);
    }

    [Fact]
    public void Evaluate_TargetReachedOnlyBySelfReportedValues_IsNotMet()
    {
        var ledger = new TestLedger();
        ledger.Policy(new EvaluationPolicy { MinVerifiedShare = 0 });
        ledger.Indicator(Seizures, baseline: Year2024, targets: [new Target(new DateOnly(2026, 12, 31), TargetBasis.Agreed, RelativeChange: -0.3m)]);
        ledger.Series(Seizures, effect: -0.5, acknowledge: false);

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.OnTrack, indicator.Rating);
        Assert.Equal(ReasonCode.TargetReachedUnconfirmed, indicator.Reason.Code);
    }

    [Fact]
    public void Evaluate_TooFewAcknowledgedValues_IsUnverifiableWithTheFindingKept()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        var indexes = ledger.Series(Seizures, effect: -0.3, acknowledge: false);
        // Ten values of the assessment window (2024 as baseline, then 2025) acknowledged; 2022 and 2023 are outside it.
        foreach (var index in indexes.Skip(24).Take(10))
        {
            ledger.Attest(index, Verdict.Acknowledged);
        }

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.Unverifiable, indicator.Rating);
        Assert.Equal(ReasonCode.TooFewConfirmed, indicator.Reason.Code);
        Assert.Equal(Rating.OnTrack, indicator.Reason.Underlying);
        Assert.Equal(Rating.OnTrack, indicator.Finding);
        Assert.Matches(
            @"^Fentanyl seizures at the southwest border fell \d+\.\d% against its baseline \(mean of Jan 2025 – Dec 2025: [\d,.]+ kg against [\d,.]+ kg, the mean of the same calendar months in Jan 2024 – Dec 2024; 95% CI -\d+\.\d% to -\d+\.\d%\), but only 10 of the 24 monthly values in the assessment window are acknowledged by the counterparty or verified: UNVERIFIABLE under the default policy \(at least 50% needed\)$",
            indicator.Reason.Text);
    }

    [Fact]
    public void Evaluate_PolicyWithoutVerifiedShare_RatesSelfReportedValues()
    {
        var ledger = new TestLedger();
        ledger.Policy(new EvaluationPolicy { MinVerifiedShare = 0 });
        ledger.Indicator(Seizures);
        ledger.Series(Seizures, effect: -0.3, acknowledge: false);

        Assert.Equal(Rating.OnTrack, Only(ledger.Evaluate()).Rating);
    }

    [Fact]
    public void Evaluate_PolicyCountingOnlyConfirmedValues_LeavesSelfReportedOut()
    {
        var ledger = new TestLedger();
        ledger.Policy(new EvaluationPolicy { CountsTowardTrend = ["acknowledged", "verified", "resolved"] });
        ledger.Indicator(Seizures);
        var indexes = ledger.Series(Seizures, effect: -0.3, acknowledge: false);
        foreach (var index in indexes.Skip(30))
        {
            ledger.Attest(index, Verdict.Acknowledged);
        }

        var indicator = Only(ledger.Evaluate());

        // Six counted baseline values (2024-07 on) of the twelve a baseline needs: not yet assessed, for want of a baseline.
        Assert.Equal(Rating.NotYetAssessed, indicator.Rating);
        Assert.Equal(ReasonCode.NoBaseline, indicator.Reason.Code);
        Assert.Equal(6, indicator.Reason.Have);
        Assert.Equal(18, indicator.Series.Single().Counted);
        Assert.Contains("only 6 counted monthly values in the baseline periods Jan 2024 – Dec 2024, and 12 are needed", indicator.Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnresolvedDisputeAfterTheCommitment_IsUnverifiable()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        var indexes = ledger.Series(Seizures, effect: -0.3, acknowledge: false);
        foreach (var index in indexes.Take(47))
        {
            ledger.Attest(index, Verdict.Acknowledged);
        }

        ledger.Attest(indexes[47], Verdict.Disputed, figure: 1500m, reason: "the seizure of 12 March is counted twice");

        var scorecard = ledger.Evaluate();
        var indicator = Only(scorecard);

        Assert.Equal(Rating.Unverifiable, indicator.Rating);
        Assert.Equal(ReasonCode.UnresolvedDisputes, indicator.Reason.Code);
        Assert.Equal(1, indicator.Reason.Disputed);
        var point = indicator.Series.Single().Points[^1];
        Assert.Equal(VerificationStatus.Disputed, point.Status);
        Assert.False(point.CountsTowardTrend);
        Assert.Equal(1500m, point.Attestations.Single(a => a.Verdict == Verdict.Disputed).Figure);
        Assert.Equal(point.Reported, point.Stands);
    }

    [Fact]
    public void Evaluate_ResolvedDispute_CountsTheResolutionsFigure()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        var indexes = ledger.Series(Seizures, effect: -0.3);
        ledger.Attest(indexes[47], Verdict.Disputed, figure: 1500m);
        ledger.Attest(indexes[47], Verdict.Resolved, figure: 700m, reason: "audit of the seizure records");

        var indicator = Only(ledger.Evaluate());

        var point = indicator.Series.Single().Points[^1];
        Assert.Equal(VerificationStatus.Resolved, point.Status);
        Assert.Equal(700m, point.Stands);
        Assert.NotEqual(700m, point.Reported);
        Assert.True(point.CountsTowardTrend);
        Assert.Equal(Rating.OnTrack, indicator.Rating);
    }

    [Fact]
    public void Evaluate_SupersededValue_IsReplacedByItsCorrection()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        var indexes = ledger.Series(Seizures, effect: -0.3);
        var correction = ledger.Measure(Seizures, Period.Month(2025, 12), 123.4m, supersedes: indexes[47]);

        var series = Only(ledger.Evaluate()).Series.Single();

        Assert.Equal(48, series.Values);
        var point = series.Points[^1];
        Assert.Equal(123.4m, point.Reported);
        Assert.Equal(correction, point.Entry.Index);
        Assert.Equal(VerificationStatus.SelfReported, point.Status);
        Assert.Equal(indexes[47], point.Corrects.Single().Entry.Index);
    }

    [Fact]
    public void Evaluate_RecentCommitment_IsNotYetAssessed()
    {
        var ledger = new TestLedger(madeOn: new DateOnly(2025, 10, 1));
        ledger.Indicator(Seizures);
        ledger.Series(Seizures, effect: -0.3);

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(Rating.NotYetAssessed, indicator.Rating);
        Assert.Equal(ReasonCode.TooEarly, indicator.Reason.Code);
        Assert.Equal(3, indicator.Reason.Have);
    }

    [Fact]
    public void Evaluate_ShortHistoryBeforeTheCommitment_IsNotYetAssessedForWantOfABaseline()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        var indexes = ledger.Series(Seizures, effect: -0.3);
        // Keep only 2024-08 on: drop the earlier values by logging nothing else; rebuild on a fresh ledger instead.
        var shortLedger = new TestLedger();
        shortLedger.Indicator(Seizures);
        for (var month = 8; month <= 12; month++)
        {
            shortLedger.Attest(shortLedger.Measure(Seizures, Period.Month(2024, month), 1000m), Verdict.Acknowledged);
        }

        for (var month = 1; month <= 12; month++)
        {
            shortLedger.Attest(shortLedger.Measure(Seizures, Period.Month(2025, month), 700m), Verdict.Acknowledged);
        }

        var indicator = Only(shortLedger.Evaluate());

        Assert.NotEmpty(indexes);
        Assert.Equal(Rating.NotYetAssessed, indicator.Rating);
        Assert.Equal(ReasonCode.NoBaseline, indicator.Reason.Code);
        Assert.Equal(5, indicator.Reason.Have);
    }

    [Fact]
    public void Evaluate_IndicatorWithoutValues_IsNotYetAssessedAndNeedsData()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        ledger.At = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        ledger.Policy(new EvaluationPolicy());

        var indicator = Only(ledger.Evaluate());

        // Too little data is NOT_YET_ASSESSED, never UNVERIFIABLE; the needs say what is missing.
        Assert.Equal(Rating.NotYetAssessed, indicator.Rating);
        Assert.Equal(ReasonCode.NoBaseline, indicator.Reason.Code);
        Assert.Empty(indicator.Series.Single().Points);
        Assert.Equal([NeedCode.Baseline, NeedCode.MoreData], indicator.Needs!.Select(n => n.Code));
        Assert.Equal(6, indicator.Needs![1].Count);
    }

    [Fact]
    public void Evaluate_CommitmentOfSeveralIndicators_TakesTheWorstByDefault()
    {
        var ledger = new TestLedger();
        ledger.Indicator("a", name: "Indicator A");
        ledger.Indicator("b", name: "Indicator B");
        ledger.Series("a", effect: -0.3);
        ledger.Series("b", effect: 0.3, seed: 8);

        var commitment = ledger.Evaluate().Commitments.Single();

        Assert.Equal(Rating.Regressed, commitment.Rating);
        Assert.Equal(ReasonCode.RollupWorst, commitment.Reason.Code);
        Assert.Equal("Indicator B", commitment.Reason.Subject);
        Assert.Equal(1, commitment.Reason.Parts!["ON_TRACK"]);
        Assert.Equal(1, commitment.Reason.Parts["REGRESSED"]);
    }

    [Fact]
    public void Evaluate_AllMetRollupWithPartialDelivery_IsIncremental()
    {
        var ledger = new TestLedger();
        ledger.Policy(new EvaluationPolicy { Rollup = "all-met" });
        ledger.Indicator("a", name: "Indicator A");
        ledger.Indicator("b", name: "Indicator B");
        ledger.Series("a", effect: -0.3);
        ledger.Series("b", effect: 0, noise: 0.05, seed: 8);

        var commitment = ledger.Evaluate().Commitments.Single();

        Assert.Equal(Rating.OnTrack, commitment.Indicators[0].Rating);
        Assert.Equal(Rating.Stalled, commitment.Indicators[1].Rating);
        Assert.Equal(Rating.Incremental, commitment.Rating);
        Assert.Equal(ReasonCode.RollupAllMet, commitment.Reason.Code);
    }

    [Fact]
    public void Evaluate_DisaggregatedIndicatorWithoutTotal_RatesItsWeakestSeries()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures, dimensions: new Dictionary<string, IReadOnlyList<string>> { ["port"] = ["san-diego", "tucson"] });
        ledger.Series(Seizures, effect: -0.3, dimensions: new Dictionary<string, string> { ["port"] = "san-diego" });
        ledger.Series(Seizures, effect: 0.3, seed: 9, dimensions: new Dictionary<string, string> { ["port"] = "tucson" });

        var indicator = Only(ledger.Evaluate());

        Assert.Equal(2, indicator.Series.Count);
        Assert.Equal("san-diego", indicator.Series[0].Dimensions["port"]);
        Assert.Equal(Rating.Regressed, indicator.Rating);
        Assert.Equal("Fentanyl seizures at the southwest border (port: tucson)", indicator.Reason.Subject);
    }

    [Fact]
    public void Evaluate_PairedIndicator_IsShownWithItsReadingAndRating()
    {
        var ledger = new TestLedger();
        ledger.Indicator("overdose-deaths", name: "Overdose deaths");
        ledger.Indicator(Seizures, paired: "overdose-deaths", pairedReading: "More seizures with fewer deaths suggests less flow.", caveat: "Seizures are an ambiguous proxy.");
        ledger.Series("overdose-deaths", effect: -0.3);
        ledger.Series(Seizures, effect: 0.3, seed: 11);

        var commitment = ledger.Evaluate().Commitments.Single();
        var seizures = commitment.Indicators.Single(i => i.Id == Seizures);

        Assert.Equal("overdose-deaths", seizures.Paired!.Indicator);
        Assert.Equal(Rating.OnTrack, seizures.Paired.Rating);
        Assert.Equal("More seizures with fewer deaths suggests less flow.", seizures.Paired.Reading);
        Assert.Equal("Seizures are an ambiguous proxy.", seizures.Caveat);
    }

    [Fact]
    public void Evaluate_EveryFigure_ReferencesItsLogEntry()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        ledger.Series(Seizures, effect: -0.3);

        var scorecard = ledger.Evaluate();

        var point = Only(scorecard).Series.Single().Points[0];
        var logged = ledger.State.Measurements[point.Entry.Index];
        Assert.Equal(logged.LeafHash.ToHex(), point.Entry.LeafHash);
        Assert.Equal(logged.Attestations.Single().LeafHash.ToHex(), point.Attestations.Single().Entry.LeafHash);
        Assert.Equal(ledger.State.Statements.Values.Single().Index, scorecard.Commitments.Single().Statements.Single().Entry.Index);
    }

    [Fact]
    public void Evaluate_AsOfDate_IsTheLatestEntryNotTheClock()
    {
        var ledger = new TestLedger();
        ledger.Indicator(Seizures);
        ledger.Series(Seizures, effect: -0.3);

        Assert.Equal(new DateOnly(2026, 1, 20), ledger.Evaluate().AsOf);
    }

    [Fact]
    public void Evaluate_QuarterlyIndicator_CountsQuartersAgainstThePolicy()
    {
        var ledger = new TestLedger();
        ledger.Policy(new EvaluationPolicy { MinPeriodsBefore = 8, MinPeriodsAfter = 4 });
        ledger.Indicator("quarterly", periodType: PeriodType.Quarter);
        for (var q = 0; q < 16; q++)
        {
            var value = 1000m + (q % 2 == 0 ? 7 : -6) - (q >= 12 ? 300 : 0);
            ledger.Attest(ledger.Measure("quarterly", new Period(PeriodType.Quarter, 2022 + (q / 4), (q % 4) + 1), value), Verdict.Acknowledged);
        }

        var indicator = Only(ledger.Evaluate());

        var series = indicator.Series.Single();
        var statistics = series.Statistics;
        Assert.Equal("2025-Q1", statistics.Intervention);
        Assert.Equal("2024-Q1", series.Window!.BaselineFrom);
        Assert.Equal(4, statistics.ObservedChange!.BaselineCount);
        Assert.Equal(4, statistics.ObservedChange.Count);
        Assert.Equal(Core.Evaluation.Statistics.ObservedChangeMethod.DifferenceOfMeans, statistics.ObservedChange.Method);
        Assert.Equal(Rating.OnTrack, indicator.Rating);
        Assert.Contains("quarterly values", TextCatalogue.English.Sentence(indicator.Reason with { Code = ReasonCode.TooFewAfter }), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TwelveMonthEndingSeries_HasNoMonthEffectsAndALagSpanningTheOverlap()
    {
        var plain = new TestLedger();
        plain.Indicator(Seizures);
        plain.Series(Seizures, effect: -0.3, noise: 0.05);
        var rolling = new TestLedger();
        rolling.Indicator(Seizures, aggregation: Aggregation.TwelveMonthEnding);
        rolling.Series(Seizures, effect: -0.3, noise: 0.05);

        var plainStatistics = Only(plain.Evaluate()).Series.Single().Statistics;
        var rollingStatistics = Only(rolling.Evaluate()).Series.Single().Statistics;

        Assert.Equal(Core.Evaluation.Statistics.ObservedChangeMethod.SameMonths, plainStatistics.ObservedChange!.Method);
        Assert.Equal(Core.Evaluation.Statistics.ObservedChangeMethod.DifferenceOfMeans, rollingStatistics.ObservedChange!.Method);
        Assert.False(rollingStatistics.SegmentedRegression!.MonthEffects);
        Assert.Equal(12, rollingStatistics.SegmentedRegression.HacLag);
        Assert.False(rollingStatistics.TrendTest!.Seasonal);
    }

    [Fact]
    public void Evaluate_StateAtAnotherSize_Throws()
    {
        var ledger = new TestLedger();
        var checkpoint = TestLedger.CheckpointFor(ledger.State) with { Size = 3 };

        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(ledger.State, checkpoint, TestLedger.Agreement));
    }
}
