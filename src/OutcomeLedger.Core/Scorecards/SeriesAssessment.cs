using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Rates one series of an indicator: which values count under the policy, the statistics on them, and the rating
/// with its reason. The order of the questions: too early? enough counted data? what does the interrupted time series
/// say (an interval that includes zero is STALLED, never progress)? against the target? then the policy's gates
/// (unresolved disputes, confirmed share) that turn any finding UNVERIFIABLE.
/// </summary>
internal static class SeriesAssessment
{
    /// <summary>Periods averaged for "the recent value" compared with the target: one lucky month is not a result.</summary>
    const int RecentPeriods = 3;

    /// <summary>Newey-West lag for 12-month-ending series: the eleven months neighbours share, and one more.</summary>
    const int RollingLag = 12;

    /// <summary>Periods compared with the baseline for the relative change (a whole year, so the season cancels).</summary>
    const int ComparisonPeriods = 12;

    public static ScorecardSeries Assess(
        IndicatorRecord indicator,
        CommitmentRecord commitment,
        EvaluationPolicy policy,
        DateOnly asOf,
        IReadOnlyDictionary<string, string> dimensions,
        IReadOnlyList<MeasurementState> measurements,
        IReadOnlyDictionary<ulong, MeasurementState> corrected,
        decimal? statedBaseline)
    {
        var trendStatuses = policy.CountsTowardTrend.ToHashSet(StringComparer.Ordinal);
        var metStatuses = policy.CountsTowardMet.ToHashSet(StringComparer.Ordinal);
        var subject = dimensions.Count == 0
            ? indicator.Name
            : $"{indicator.Name} ({string.Join(", ", dimensions.Select(d => $"{d.Key}: {d.Value}"))})";
        var monthsPerPeriod = indicator.PeriodType switch { PeriodType.Quarter => 3, PeriodType.Year => 12, _ => 1 };
        var intervention = PeriodContaining(indicator.PeriodType, commitment.MadeOn);

        var points = new List<ScorecardPoint>(measurements.Count);
        var counted = new List<(Period Period, double Value, bool Met, bool Confirmed)>(measurements.Count);
        var disputedAfter = 0;
        var disputed = 0;
        foreach (var m in measurements.OrderBy(m => m.Record.Period))
        {
            var verification = MeasurementVerification.Of(m);
            var status = MeasurementVerification.PolicyName(verification.Status);
            var towardTrend = trendStatuses.Contains(status);
            var towardMet = metStatuses.Contains(status);
            points.Add(Point(m, verification, towardTrend, towardMet, corrected));
            if (verification.Status == VerificationStatus.Disputed)
            {
                disputed++;
                if (m.Record.Period >= intervention)
                {
                    disputedAfter++;
                }
            }

            if (towardTrend)
            {
                counted.Add((m.Record.Period, (double)verification.Stands, towardMet, verification.IsConfirmed));
            }
        }

        var confirmed = counted.Count(c => c.Confirmed);
        var baselinePeriods = BaselinePeriods(indicator, intervention);
        var baselineValues = counted.Where(c => c.Period >= baselinePeriods.From && c.Period <= baselinePeriods.To).Select(c => c.Value).ToList();
        double? baselineValue = statedBaseline is { } stated ? (double)stated : baselineValues.Count > 0 ? baselineValues.Average() : null;
        var (target, targetValue) = ActiveTarget(indicator, asOf, baselineValue);

        var series = MonthlySeries.Create(counted.Select(c => new MonthlyObservation(MonthOf(c.Period), c.Value)));
        var statistics = Statistics(indicator, policy, intervention, series, counted, baselinePeriods, baselineValues, target, targetValue, baselineValue);

        var reason = Rate(indicator, policy, asOf, subject, monthsPerPeriod, intervention, points.Count, counted, confirmed, disputedAfter, target, targetValue, statistics);
        return new ScorecardSeries
        {
            Dimensions = new SortedDictionary<string, string>(dimensions.ToDictionary(), StringComparer.Ordinal),
            Rating = reason.Rating,
            Reason = reason,
            Values = points.Count,
            Counted = counted.Count,
            Confirmed = confirmed,
            Disputed = disputed,
            Statistics = statistics,
            Points = points,
        };
    }

    /// <summary>The value of the baseline the indicator states, or the mean of the counted values in its periods.</summary>
    public static double? BaselineValue(ScorecardSeries series, IndicatorRecord indicator, CommitmentRecord commitment)
    {
        if (indicator.Baseline?.Value is { } stated)
        {
            return (double)stated;
        }

        var (from, to) = BaselinePeriods(indicator, PeriodContaining(indicator.PeriodType, commitment.MadeOn));
        var values = series.Points
            .Where(p => p.CountsTowardTrend && Period.Parse(p.Period) is var period && period >= from && period <= to)
            .Select(p => (double)p.Stands)
            .ToList();
        return values.Count > 0 ? values.Average() : null;
    }

    static RatingReason Rate(
        IndicatorRecord indicator,
        EvaluationPolicy policy,
        DateOnly asOf,
        string subject,
        int monthsPerPeriod,
        Period intervention,
        int logged,
        List<(Period Period, double Value, bool Met, bool Confirmed)> counted,
        int confirmed,
        int disputedAfter,
        Target? target,
        double? targetValue,
        ScorecardStatistics statistics)
    {
        var reason = new RatingReason
        {
            Code = ReasonCode.TooEarly,
            Rating = Rating.NotYetAssessed,
            Subject = subject,
            PeriodType = indicator.PeriodType,
            Unit = indicator.Unit,
        };
        var after = counted.Count(c => c.Period >= intervention);
        var before = counted.Count - after;
        var elapsed = Math.Max(0, (MonthOf(asOf).MonthOrdinal - MonthOf(intervention).MonthOrdinal) / monthsPerPeriod);
        if (after < policy.MinPeriodsAfter && elapsed < policy.MinPeriodsAfter)
        {
            return reason with { Have = elapsed, Needed = policy.MinPeriodsAfter };
        }

        if (counted.Count == 0)
        {
            return reason with { Code = ReasonCode.NoCountedValues, Rating = Rating.Unverifiable, Have = logged };
        }

        if (before < policy.MinPeriodsBefore)
        {
            return reason with { Code = ReasonCode.TooFewBefore, Rating = Rating.Unverifiable, Have = before, Needed = policy.MinPeriodsBefore };
        }

        if (after < policy.MinPeriodsAfter)
        {
            return reason with { Code = ReasonCode.TooFewAfter, Rating = Rating.Unverifiable, Have = after, Needed = policy.MinPeriodsAfter };
        }

        if (statistics.SegmentedRegression is not { } its)
        {
            return reason with { Code = ReasonCode.ModelInsufficient, Rating = Rating.Unverifiable, Detail = statistics.SegmentedRegressionInsufficient };
        }

        var change = Change(its, counted.Where(c => c.Period < intervention).Select(c => c.Value).ToList());
        if (change is null)
        {
            return reason with
            {
                Code = ReasonCode.ModelInsufficient,
                Rating = Rating.Unverifiable,
                Detail = Shortfall.NoReferenceForChange,
            };
        }

        reason = reason with { Change = change, Threshold = SignificantDigits.Round((double)policy.SignificantChange * 100) };
        var sign = indicator.Direction == Direction.Down ? -1 : 1;
        var improvement = sign * change.Percent;
        var improvementLower = Math.Min(sign * change.Lower, sign * change.Upper);
        var improvementUpper = Math.Max(sign * change.Lower, sign * change.Upper);
        var recent = counted.TakeLast(RecentPeriods).ToList();
        var recentValue = SignificantDigits.Round(recent.Average(c => c.Value));
        var reached = targetValue is { } tv && (indicator.Direction == Direction.Down ? recentValue <= tv : recentValue >= tv);
        if (target is not null)
        {
            reason = reason with { Target = targetValue, TargetBy = target.By, TargetBasis = target.Basis, Latest = recentValue };
        }

        RatingReason found;
        if (reached && recent.All(c => c.Met))
        {
            found = reason with { Code = ReasonCode.TargetReached, Rating = Rating.Met };
        }
        else if (improvementLower <= 0 && improvementUpper >= 0)
        {
            found = reason with { Code = ReasonCode.NoDistinguishableChange, Rating = Rating.Stalled };
        }
        else if (improvement < 0)
        {
            found = reason with { Code = ReasonCode.WrongDirection, Rating = Rating.Regressed };
        }
        else if (reached)
        {
            found = reason with { Code = ReasonCode.TargetReachedUnconfirmed, Rating = Rating.OnTrack };
        }
        else if (improvement < (double)policy.SignificantChange * 100)
        {
            found = reason with { Code = ReasonCode.BelowThreshold, Rating = Rating.Incremental };
        }
        else if (statistics.TargetPath is { } path)
        {
            reason = reason with { Expected = path.Expected, Latest = path.Latest };
            found = path.FractionAchieved >= path.FractionOfTimeElapsed
                ? reason with { Code = ReasonCode.OnTargetPath, Rating = Rating.OnTrack }
                : reason with { Code = ReasonCode.BehindTargetPath, Rating = Rating.Incremental };
        }
        else
        {
            found = reason with { Code = ReasonCode.SignificantChange, Rating = Rating.OnTrack };
        }

        if (disputedAfter > 0 && !policy.CountsTowardTrend.Contains("disputed"))
        {
            return found with { Code = ReasonCode.UnresolvedDisputes, Rating = Rating.Unverifiable, Underlying = found.Rating, Disputed = disputedAfter };
        }

        if (confirmed < (double)policy.MinVerifiedShare * counted.Count)
        {
            return found with
            {
                Code = ReasonCode.TooFewConfirmed,
                Rating = Rating.Unverifiable,
                Underlying = found.Rating,
                Confirmed = confirmed,
                Counted = counted.Count,
                RequiredShare = SignificantDigits.Round((double)policy.MinVerifiedShare * 100),
            };
        }

        return found;
    }

    /// <summary>
    /// The change in percent against the projected no-commitment value at the last period; when that projection is
    /// not above zero (a falling trend projected past zero), against the pre-commitment mean instead.
    /// </summary>
    static ChangeFinding? Change(ScorecardSegmentedRegression its, List<double> before)
    {
        if (its.PercentChangeAtLastPeriod is { } percent && its.CounterfactualAtLastPeriod > 0)
        {
            return new(percent.Value, percent.Lower, percent.Upper, its.Confidence, true);
        }

        var mean = before.Count > 0 ? Math.Abs(before.Average()) : 0;
        if (mean == 0)
        {
            return null;
        }

        var absolute = its.ChangeAtLastPeriod;
        return new(
            SignificantDigits.Round(100 * absolute.Value / mean),
            SignificantDigits.Round(100 * absolute.Lower / mean),
            SignificantDigits.Round(100 * absolute.Upper / mean),
            its.Confidence,
            false);
    }

    static ScorecardStatistics Statistics(
        IndicatorRecord indicator,
        EvaluationPolicy policy,
        Period intervention,
        MonthlySeries series,
        List<(Period Period, double Value, bool Met, bool Confirmed)> counted,
        (Period From, Period To) baselinePeriods,
        List<double> baselineValues,
        Target? target,
        double? targetValue,
        double? baselineValue)
    {
        var confidence = (double)policy.ConfidenceLevel;
        var monthly = indicator.PeriodType == PeriodType.Month;

        // A 12-month-ending series has no season left, and neighbouring values share eleven months: no month effects,
        // and a Newey-West lag that spans the overlap, or the interval would be far too narrow.
        var rolling = monthly && indicator.Aggregation == Aggregation.TwelveMonthEnding;
        var statistics = new ScorecardStatistics { Intervention = intervention.ToString() };

        var its = InterruptedTimeSeries.Fit(series, MonthOf(intervention), new InterruptedTimeSeriesOptions
        {
            Seasonal = monthly && !rolling,
            HacLag = rolling ? Math.Min(Math.Max(NeweyWest.DefaultLag(series.Count), RollingLag), Math.Max(series.Count - 1, 0)) : null,
            MinimumBefore = Math.Max(2, policy.MinPeriodsBefore),
            MinimumAfter = Math.Max(2, policy.MinPeriodsAfter),
            Confidence = confidence,
        });
        statistics = its.TryGetValue(out var fit)
            ? statistics with
            {
                SegmentedRegression = new ScorecardSegmentedRegression
                {
                    Count = fit.Count,
                    CountBefore = fit.CountBefore,
                    CountAfter = fit.CountAfter,
                    MonthEffects = fit.MonthEffectsIncluded,
                    HacLag = fit.HacLag,
                    Confidence = fit.Confidence,
                    PreTrend = Round(fit.PreTrend),
                    LevelChange = Round(fit.LevelChange),
                    SlopeChange = Round(fit.SlopeChange),
                    ChangeAtLastPeriod = Round(fit.ChangeAtLastPeriod),
                    CounterfactualAtLastPeriod = SignificantDigits.Round(fit.CounterfactualAtLastPeriod),
                    PercentChangeAtLastPeriod = fit.PercentChangeAtLastPeriod is { } p && fit.CounterfactualAtLastPeriod > 0 ? Round(p) : null,
                },
            }
            : statistics with { SegmentedRegressionInsufficient = its.Shortfall };

        var trendOptions = new TrendOptions { Confidence = confidence };
        if (series.Count > 0)
        {
            var seasonal = monthly && !rolling ? MannKendall.Seasonal(series, trendOptions) : null;
            var useSeasonal = seasonal is { IsSufficient: true };
            var test = useSeasonal ? seasonal! : MannKendall.Test(series, trendOptions);
            var slope = useSeasonal ? SensSlope.Seasonal(series, trendOptions) : SensSlope.Estimate(series, trendOptions);
            statistics = test.TryGetValue(out var mk)
                ? statistics with
                {
                    TrendTest = new ScorecardTrendTest
                    {
                        Seasonal = useSeasonal,
                        S = mk.S,
                        Z = SignificantDigits.Round(mk.Z),
                        PValue = SignificantDigits.Round(mk.PValue),
                        SensSlope = SignificantDigits.Round(slope.ValueOrNull?.Slope),
                        SensSlopeLower = SignificantDigits.Round(slope.ValueOrNull?.LowerBound),
                        SensSlopeUpper = SignificantDigits.Round(slope.ValueOrNull?.UpperBound),
                    },
                }
                : statistics with { TrendTestInsufficient = test.Shortfall };
        }
        else
        {
            statistics = statistics with { TrendTestInsufficient = Shortfall.NoCountedValues };
        }

        var comparison = counted.Where(c => c.Period >= intervention).TakeLast(ComparisonPeriods).ToList();
        var relative = RelativeChange.Compute(baselineValues, [.. comparison.Select(c => c.Value)]);
        statistics = relative.TryGetValue(out var rc)
            ? statistics with
            {
                RelativeChange = new ScorecardRelativeChange(
                    baselinePeriods.From.ToString(),
                    baselinePeriods.To.ToString(),
                    SignificantDigits.Round(rc.BaselineMean),
                    rc.BaselineCount,
                    comparison[0].Period.ToString(),
                    comparison[^1].Period.ToString(),
                    SignificantDigits.Round(rc.ComparisonMean),
                    rc.ComparisonCount,
                    SignificantDigits.Round(rc.Percent)),
            }
            : statistics with { RelativeChangeInsufficient = relative.Shortfall };

        if (target is not null && targetValue is { } tv && baselineValue is { } bv && counted.Count > 0)
        {
            var from = baselinePeriods.To.End;
            var path = TargetPath.Create(from, bv, target.By, tv);
            if (path.TryGetValue(out var line))
            {
                var recent = counted.TakeLast(RecentPeriods).ToList();
                var latestDate = recent[^1].Period.End;
                var position = line.Locate(latestDate, recent.Average(c => c.Value));
                statistics = statistics with
                {
                    TargetPath = new ScorecardTargetPath
                    {
                        From = from,
                        FromValue = SignificantDigits.Round(bv),
                        To = target.By,
                        ToValue = SignificantDigits.Round(tv),
                        Basis = target.Basis,
                        LatestDate = latestDate,
                        Latest = SignificantDigits.Round(position.Value),
                        LatestPeriods = recent.Count,
                        Expected = SignificantDigits.Round(position.Expected),
                        FractionAchieved = SignificantDigits.Round(position.FractionAchieved),
                        FractionOfTimeElapsed = SignificantDigits.Round(position.FractionOfTimeElapsed),
                    },
                };
            }
        }

        return statistics;
    }

    static ScorecardEstimate Round(Estimate e) => new(
        SignificantDigits.Round(e.Value),
        SignificantDigits.Round(e.StandardError),
        SignificantDigits.Round(e.Lower),
        SignificantDigits.Round(e.Upper),
        SignificantDigits.Round(e.PValue));

    /// <summary>The target measured against: the first not yet due at the as-of date, else the last one.</summary>
    internal static (Target? Target, double? Value) ActiveTarget(IndicatorRecord indicator, DateOnly asOf, double? baselineValue)
    {
        if (indicator.Targets.Count == 0)
        {
            return (null, null);
        }

        var ordered = indicator.Targets.OrderBy(t => t.By).ToList();
        var target = ordered.FirstOrDefault(t => t.By >= asOf) ?? ordered[^1];
        return (target, TargetValue(target, baselineValue));
    }

    internal static double? TargetValue(Target target, double? baselineValue) =>
        target.Value is { } value ? (double)value
        : target.RelativeChange is { } change && baselineValue is { } baseline ? SignificantDigits.Round(baseline * (1 + (double)change))
        : null;

    /// <summary>The indicator's baseline periods, or the twelve months (four quarters, one year... at least one period) before the commitment.</summary>
    internal static (Period From, Period To) BaselinePeriods(IndicatorRecord indicator, Period intervention)
    {
        if (indicator.Baseline is { } baseline)
        {
            return (baseline.From, baseline.To);
        }

        var to = Shift(intervention, -1);
        var from = indicator.PeriodType switch
        {
            PeriodType.Quarter => Shift(intervention, -4),
            PeriodType.Year => to,
            _ => Shift(intervention, -12),
        };
        return (from, to);
    }

    internal static Period PeriodContaining(PeriodType type, DateOnly date) => type switch
    {
        PeriodType.Quarter => new Period(PeriodType.Quarter, date.Year, ((date.Month - 1) / 3) + 1),
        PeriodType.Year => new Period(PeriodType.Year, date.Year, 1),
        _ => Period.Month(date.Year, date.Month),
    };

    static Period Shift(Period period, int periods)
    {
        var monthsPer = period.Type switch { PeriodType.Quarter => 3, PeriodType.Year => 12, _ => 1 };
        var start = period.Start.AddMonths(periods * monthsPer);
        return PeriodContaining(period.Type, start);
    }

    /// <summary>The month a period starts in: monthly statistics place a quarter or a year at its first month.</summary>
    internal static Period MonthOf(Period period) => Period.Month(period.Year, period.MonthOfYear);

    static Period MonthOf(DateOnly date) => Period.Month(date.Year, date.Month);

    static ScorecardPoint Point(MeasurementState m, MeasurementVerification verification, bool towardTrend, bool towardMet, IReadOnlyDictionary<ulong, MeasurementState> corrected)
    {
        var corrections = new List<ScorecardCorrection>();
        for (var index = m.Index; corrected.TryGetValue(index, out var earlier); index = earlier.Index)
        {
            corrections.Add(new ScorecardCorrection(earlier.Record.Value, EntryRef.Of(earlier)));
        }

        return new ScorecardPoint
        {
            Period = m.Record.Period.ToString(),
            Reported = verification.Reported,
            Stands = verification.Stands,
            Status = verification.Status,
            CountsTowardTrend = towardTrend,
            CountsTowardMet = towardMet,
            Provisional = m.Record.Provisional,
            Entry = EntryRef.Of(m),
            Attestations = [.. m.Attestations.Select(Attestation)],
            Corrects = corrections,
            OpenDisputes = verification.OpenDisputes.Count == 0 ? null : [.. verification.OpenDisputes.Select(Attestation)],
            History = verification.History.Count <= 1 ? null : [.. verification.History.Select(ScorecardValueEvent.Of)],
        };
    }

    static ScorecardAttestation Attestation(Logged<AttestationRecord> a) => new()
    {
        Verdict = a.Record.Verdict,
        Party = a.Record.Author.Value,
        Figure = a.Record.Figure,
        Reason = a.Record.Reason,
        Entry = EntryRef.Of(a),
    };
}
