using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Rates one series of an indicator on two axes (docs/statistics.md, "Decision table"). First what the data says: over
/// the assessment window (the baseline periods, then the periods from the start, the commitment or a statement the policy
/// marks as resetting expectations, to the "as of" date), is there a
/// baseline, enough counted values after the start, and an observed change against the baseline whose interval
/// excludes zero, in the desired direction, against the threshold and the target? The change against the projected
/// trend (segmented regression) and the trend tests are secondary evidence, shown beside it and never decisive. Then
/// the confirmation: the share of the window's values acknowledged or verified and the disputes open, which turn a
/// finding UNVERIFIABLE when the policy's gate fails. Too little data is NOT_YET_ASSESSED, never UNVERIFIABLE.
/// </summary>
internal static class SeriesAssessment
{
    /// <summary>Periods averaged for "the recent value" compared with the target: one lucky month is not a result.</summary>
    const int RecentPeriods = 3;

    /// <summary>Newey-West lag for 12-month-ending series: the eleven months neighbours share, and one more.</summary>
    const int RollingLag = 12;

    /// <summary>Periods compared with the baseline (a whole year, so the season cancels).</summary>
    const int ComparisonPeriods = 12;

    /// <summary>What a window's start is: the commitment's date.</summary>
    const string StartsAtCommitment = "commitment";

    /// <summary>What a window's start is: a statement the policy marks as resetting expectations.</summary>
    const string StartsAtStatement = "statement";

    public static ScorecardSeries Assess(
        IndicatorRecord indicator,
        AssessmentStart start,
        EvaluationPolicy policy,
        bool defaultPolicy,
        string? policyProposedBy,
        DateOnly asOf,
        IReadOnlyDictionary<string, string> dimensions,
        IReadOnlyList<MeasurementState> measurements,
        IReadOnlyDictionary<ulong, MeasurementState> corrected,
        decimal? statedBaseline,
        IReadOnlyList<string> counterparties)
    {
        var trendStatuses = policy.CountsTowardTrend.ToHashSet(StringComparer.Ordinal);
        var metStatuses = policy.CountsTowardMet.ToHashSet(StringComparer.Ordinal);
        var subject = dimensions.Count == 0
            ? indicator.Name
            : $"{indicator.Name} ({string.Join(", ", dimensions.Select(d => $"{d.Key}: {d.Value}"))})";
        var intervention = PeriodContaining(indicator.PeriodType, start.Date);
        var baselinePeriods = BaselinePeriods(indicator, intervention);
        var last = PeriodContaining(indicator.PeriodType, asOf);
        var window = new Window(baselinePeriods.From, baselinePeriods.To, intervention, last < intervention ? intervention : last);

        var points = new List<ScorecardPoint>(measurements.Count);
        var counted = new List<Counted>(measurements.Count);
        var disputed = 0;
        var windowValues = 0;
        var windowConfirmed = 0;
        var disputedPeriods = new List<Period>();
        var unconfirmed = new List<Period>();
        var sources = new List<ScorecardConfirmationSource>();
        var ordered = measurements.OrderBy(m => m.Record.Period).ToList();
        // The source still revises its latest months (the indicator's declared provisional months): their values are marked.
        Period? provisionalFrom = indicator.ProvisionalMonths is { } recent && ordered.Count > 0
            ? PeriodContaining(indicator.PeriodType, ordered[^1].Record.Period.Start.AddMonths(-(recent - 1)))
            : null;
        foreach (var m in ordered)
        {
            var verification = MeasurementVerification.Of(m, policy);
            var status = MeasurementVerification.PolicyName(verification.Status);
            var towardTrend = trendStatuses.Contains(status);
            var towardMet = metStatuses.Contains(status);
            var period = m.Record.Period;
            points.Add(Point(m, verification, towardTrend, towardMet, corrected, provisionalFrom is { } pf && period >= pf));
            var inWindow = window.Contains(period);
            if (verification.Status == VerificationStatus.Disputed)
            {
                disputed++;
                if (inWindow)
                {
                    disputedPeriods.Add(period);
                }
            }

            if (inWindow)
            {
                sources.Add(new ScorecardConfirmationSource { Status = verification.Status, Party = verification.ConfirmedBy, File = verification.ReDerivedFromFile, Values = 1 });
                windowValues++;
                if (verification.IsConfirmed)
                {
                    windowConfirmed++;
                }
                else if (verification.Status != VerificationStatus.Disputed)
                {
                    unconfirmed.Add(period);
                }
            }

            if (towardTrend)
            {
                counted.Add(new(period, (double)verification.Stands, towardMet, verification.IsConfirmed, inWindow));
            }
        }

        var disputesBlock = disputedPeriods.Count > 0 && !trendStatuses.Contains("disputed");
        var requiredShare = (double)policy.MinVerifiedShare;
        var confirmation = new ScorecardConfirmation
        {
            Values = windowValues,
            Confirmed = windowConfirmed,
            Share = windowValues == 0 ? 0 : SignificantDigits.Round(100.0 * windowConfirmed / windowValues),
            RequiredShare = SignificantDigits.Round(requiredShare * 100),
            OpenDisputes = disputedPeriods.Count,
            Passes = windowConfirmed >= requiredShare * windowValues && !disputesBlock,
            Sources = ScorecardConfirmationSource.Sum(sources),
        };

        var baselineValues = counted.Where(c => c.Period >= baselinePeriods.From && c.Period <= baselinePeriods.To).ToList();
        double? baselineValue = statedBaseline is { } stated ? (double)stated : baselineValues.Count > 0 ? baselineValues.Average(c => c.Value) : null;
        var (target, targetValue) = ActiveTarget(indicator, asOf, baselineValue);
        var after = counted.Where(c => c.Period >= window.From && c.Period <= window.To).ToList();

        var statistics = Statistics(indicator, policy, intervention, window, counted, baselineValues, after, statedBaseline, target, targetValue, baselineValue);
        var baselineNeeded = BaselineNeeded(indicator, policy, baselinePeriods);
        var context = new Context(indicator, policy, defaultPolicy, policyProposedBy, subject, points.Count, counted, baselineValues, baselineNeeded, statedBaseline is not null, after, window, target, targetValue, statistics);
        var finding = Find(context);
        var reason = Gate(finding, confirmation, policy, defaultPolicy, policyProposedBy);
        var overdue = points.Count > 0 ? Overdue(Period.Parse(points[^1].Period), asOf, indicator.ReleaseLagOrDefault()) : null;
        if (overdue is { } late)
        {
            reason = reason with { LatestValue = late.Latest.ToString(), DueBy = late.DueBy.ToString() };
        }

        return new ScorecardSeries
        {
            Dimensions = new SortedDictionary<string, string>(dimensions.ToDictionary(), StringComparer.Ordinal),
            Rating = reason.Rating,
            Reason = reason,
            // No logged value counts: the data says nothing yet (the headline is UNVERIFIABLE, for want of confirmation).
            Finding = finding.Rating == Rating.Unverifiable ? Rating.NotYetAssessed : finding.Rating,
            Window = new ScorecardWindow
            {
                BaselineFrom = window.BaselineFrom.ToString(),
                BaselineTo = window.BaselineTo.ToString(),
                From = window.From.ToString(),
                To = window.To.ToString(),
                StartDate = start.Date,
                StartsAt = start.Statement is null ? StartsAtCommitment : StartsAtStatement,
                Statement = start.Statement?.Value,
            },
            Confirmation = confirmation,
            Needs = Needs(context, confirmation, disputesBlock ? disputedPeriods : [], unconfirmed, counterparties, overdue, asOf),
            Values = points.Count,
            Counted = counted.Count,
            Confirmed = counted.Count(c => c.Confirmed),
            Disputed = disputed,
            Statistics = statistics,
            Points = points,
        };
    }

    /// <summary>The value of the baseline the indicator states, or the mean of the counted values in its periods.</summary>
    public static double? BaselineValue(ScorecardSeries series, IndicatorRecord indicator, AssessmentStart start)
    {
        if (indicator.Baseline?.Value is { } stated)
        {
            return (double)stated;
        }

        var (from, to) = BaselinePeriods(indicator, PeriodContaining(indicator.PeriodType, start.Date));
        var values = series.Points
            .Where(p => p.CountsTowardTrend && Period.Parse(p.Period) is var period && period >= from && period <= to)
            .Select(p => (double)p.Stands)
            .ToList();
        return values.Count > 0 ? values.Average() : null;
    }

    /// <summary>
    /// Counted values a baseline without a stated value needs: the policy's minimum before the commitment, at most the
    /// baseline's length in periods, and at least two (a mean of one value has no spread to judge a change against).
    /// </summary>
    static int BaselineNeeded(IndicatorRecord indicator, EvaluationPolicy policy, (Period From, Period To) baseline)
    {
        var monthsPer = MonthsPer(indicator.PeriodType);
        var length = ((baseline.To.Start.Year - baseline.From.Start.Year) * 12) + baseline.To.Start.Month - baseline.From.Start.Month;
        var periods = (length / monthsPer) + 1;
        return Math.Max(2, Math.Min(policy.MinPeriodsBefore, periods));
    }

    /// <summary>
    /// What the data says (the first axis). UNVERIFIABLE only when values are logged and none counts under the policy
    /// (unconfirmed or disputed): the series' finding is then NOT_YET_ASSESSED and its headline UNVERIFIABLE.
    /// </summary>
    static RatingReason Find(Context c)
    {
        var reason = new RatingReason
        {
            Code = ReasonCode.TooEarly,
            Rating = Rating.NotYetAssessed,
            Subject = c.Subject,
            PeriodType = c.Indicator.PeriodType,
            Unit = c.Indicator.Unit,
            DefaultPolicy = c.DefaultPolicy ? true : null,
            PolicyProposedBy = c.PolicyProposedBy,
        };
        if (c.Logged > 0 && c.Counted.Count == 0)
        {
            return reason with { Code = ReasonCode.NoCountedValues, Rating = Rating.Unverifiable, Have = c.Logged };
        }

        if (!c.StatedBaseline && c.BaselineValues.Count < c.BaselineNeeded)
        {
            return reason with
            {
                Code = ReasonCode.NoBaseline,
                Have = c.BaselineValues.Count,
                Needed = c.BaselineNeeded,
                BaselineFrom = c.Window.BaselineFrom.ToString(),
                BaselineTo = c.Window.BaselineTo.ToString(),
            };
        }

        if (c.After.Count < c.Policy.MinPeriodsAfter)
        {
            return reason with { Have = c.After.Count, Needed = c.Policy.MinPeriodsAfter, ExpectedBy = ExpectedBy(c).ToString() };
        }

        if (c.Statistics.ObservedChange is not { } observed)
        {
            return reason with { Code = ReasonCode.ModelInsufficient, Detail = c.Statistics.ObservedChangeInsufficient };
        }

        var change = new ChangeFinding(observed.Percent, observed.PercentLower, observed.PercentUpper, observed.Confidence, false)
        {
            From = observed.From,
            To = observed.To,
            Mean = observed.Mean,
            Count = observed.Count,
            BaselineFrom = observed.BaselineFrom,
            BaselineTo = observed.BaselineTo,
            Baseline = observed.BaselineMean,
            Method = observed.Method,
        };
        reason = reason with { Change = change, Threshold = SignificantDigits.Round((double)c.Policy.SignificantChange * 100) };
        var sign = c.Indicator.Direction == Direction.Down ? -1 : 1;
        var improvement = sign * change.Percent;
        var improvementLower = Math.Min(sign * change.Lower, sign * change.Upper);
        var improvementUpper = Math.Max(sign * change.Lower, sign * change.Upper);
        var recent = c.After.TakeLast(RecentPeriods).ToList();
        var recentValue = SignificantDigits.Round(recent.Average(v => v.Value));
        var reached = c.TargetValue is { } tv && (c.Indicator.Direction == Direction.Down ? recentValue <= tv : recentValue >= tv);
        if (c.Target is not null)
        {
            reason = reason with { Target = c.TargetValue, TargetBy = c.Target.By, TargetBasis = c.Target.Basis, Latest = recentValue, LatestPeriods = recent.Count };
        }

        // The observed change against the baseline comes first: an interval that includes zero is STALLED and a change
        // the wrong way REGRESSED, whatever the target or the projected trend say.
        if (improvementLower <= 0 && improvementUpper >= 0)
        {
            return reason with { Code = ReasonCode.NoDistinguishableChange, Rating = Rating.Stalled };
        }

        if (improvement < 0)
        {
            return reason with { Code = ReasonCode.WrongDirection, Rating = Rating.Regressed };
        }

        if (reached && recent.All(v => v.Met))
        {
            return reason with { Code = ReasonCode.TargetReached, Rating = Rating.Met };
        }

        if (reached)
        {
            return reason with { Code = ReasonCode.TargetReachedUnconfirmed, Rating = Rating.OnTrack };
        }

        if (improvement < (double)c.Policy.SignificantChange * 100)
        {
            return reason with { Code = ReasonCode.BelowThreshold, Rating = Rating.Incremental };
        }

        if (c.Statistics.TargetPath is { } path)
        {
            reason = reason with { Expected = path.Expected, Latest = path.Latest, LatestPeriods = path.LatestPeriods };
            return path.FractionAchieved >= path.FractionOfTimeElapsed
                ? reason with { Code = ReasonCode.OnTargetPath, Rating = Rating.OnTrack }
                : reason with { Code = ReasonCode.BehindTargetPath, Rating = Rating.Incremental };
        }

        return reason with { Code = ReasonCode.SignificantChange, Rating = Rating.OnTrack };
    }

    /// <summary>
    /// The one-word rating: the finding, or UNVERIFIABLE (keeping the finding as <see cref="RatingReason.Underlying"/>)
    /// when the confirmation fails the policy. A finding not yet made stays NOT_YET_ASSESSED: too early is not
    /// unverifiable.
    /// </summary>
    static RatingReason Gate(RatingReason finding, ScorecardConfirmation confirmation, EvaluationPolicy policy, bool defaultPolicy, string? policyProposedBy)
    {
        if (finding.Rating is Rating.NotYetAssessed or Rating.Unverifiable || confirmation.Passes)
        {
            return finding;
        }

        if (confirmation.OpenDisputes > 0 && !policy.CountsTowardTrend.Contains("disputed"))
        {
            return finding with { Code = ReasonCode.UnresolvedDisputes, Rating = Rating.Unverifiable, Underlying = finding.Rating, Disputed = confirmation.OpenDisputes };
        }

        return finding with
        {
            Code = ReasonCode.TooFewConfirmed,
            Rating = Rating.Unverifiable,
            Underlying = finding.Rating,
            Confirmed = confirmation.Confirmed,
            Counted = confirmation.Values,
            RequiredShare = confirmation.RequiredShare,
            DefaultPolicy = defaultPolicy ? true : null,
            PolicyProposedBy = policyProposedBy,
        };
    }

    /// <summary>The period by which the missing values after the start would be in, one a period from the last one.</summary>
    static Period ExpectedBy(Context c)
    {
        var missing = c.Policy.MinPeriodsAfter - c.After.Count;
        var lastIn = c.After.Count > 0 ? c.After[^1].Period : Shift(c.Window.From, -1);
        return Shift(lastIn, Math.Max(missing, 0));
    }

    /// <summary>
    /// When the value after <paramref name="latest"/> was due (the source's release lag after its period ends) before
    /// <paramref name="asOf"/>: the latest period and the month it was due by; otherwise null.
    /// </summary>
    static (Period Latest, Period DueBy)? Overdue(Period latest, DateOnly asOf, ReleaseLag lag)
    {
        var due = DueBy(Shift(latest, 1), lag);
        return due < asOf ? (latest, PeriodContaining(PeriodType.Month, due)) : null;
    }

    /// <summary>
    /// The last day by which the value of <paramref name="period"/> is due: the indicator's declared release lag after
    /// the period ends, or <see cref="ReleaseLag.Default"/> (CDC's four months) when it declares none. A series whose
    /// next value is later than that at the "as of" date is overdue, and every output says its figures are not current.
    /// </summary>
    internal static DateOnly DueBy(Period period, ReleaseLag lag) => lag.After(period.End);

    /// <summary>The latest period whose value the source should have published before <paramref name="asOf"/>.</summary>
    internal static Period ExpectedThrough(PeriodType type, DateOnly asOf, ReleaseLag lag)
    {
        var period = PeriodContaining(type, asOf);
        while (DueBy(period, lag) >= asOf)
        {
            period = Shift(period, -1);
        }

        return period;
    }

    static List<ScorecardNeed> Needs(
        Context c,
        ScorecardConfirmation confirmation,
        List<Period> disputedPeriods,
        List<Period> unconfirmed,
        IReadOnlyList<string> counterparties,
        (Period Latest, Period DueBy)? overdue,
        DateOnly asOf)
    {
        var needs = new List<ScorecardNeed>();
        var type = c.Indicator.PeriodType;
        if (!c.StatedBaseline && c.BaselineValues.Count < c.BaselineNeeded)
        {
            needs.Add(new ScorecardNeed
            {
                Code = NeedCode.Baseline,
                PeriodType = type,
                Count = c.BaselineNeeded - c.BaselineValues.Count,
                From = c.Window.BaselineFrom.ToString(),
                To = c.Window.BaselineTo.ToString(),
            });
        }

        if (c.After.Count < c.Policy.MinPeriodsAfter)
        {
            needs.Add(new ScorecardNeed
            {
                Code = NeedCode.MoreData,
                PeriodType = type,
                Count = c.Policy.MinPeriodsAfter - c.After.Count,
                ExpectedBy = ExpectedBy(c).ToString(),
                Overdue = DueBy(ExpectedBy(c), c.Indicator.ReleaseLagOrDefault()) < asOf ? true : null,
            });
        }

        if (overdue is { } late)
        {
            needs.Add(new ScorecardNeed { Code = NeedCode.CurrentData, PeriodType = type, From = late.Latest.ToString(), ExpectedBy = late.DueBy.ToString() });
        }

        if (disputedPeriods.Count > 0)
        {
            needs.Add(new ScorecardNeed { Code = NeedCode.DisputeResolution, PeriodType = type, Count = disputedPeriods.Count, Periods = [.. disputedPeriods.Select(p => p.ToString())] });
        }

        var required = (int)Math.Ceiling(((double)c.Policy.MinVerifiedShare * confirmation.Values) - 1e-9);
        if (confirmation.Confirmed < required && unconfirmed.Count > 0)
        {
            needs.Add(new ScorecardNeed
            {
                Code = NeedCode.Acknowledgement,
                PeriodType = type,
                Count = Math.Min(required - confirmation.Confirmed, unconfirmed.Count),
                Parties = counterparties,
                From = unconfirmed[0].ToString(),
                To = unconfirmed[^1].ToString(),
            });
        }

        return needs;
    }

    static ScorecardStatistics Statistics(
        IndicatorRecord indicator,
        EvaluationPolicy policy,
        Period intervention,
        Window window,
        List<Counted> counted,
        List<Counted> baselineValues,
        List<Counted> after,
        decimal? statedBaseline,
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

        // Every analysis runs on the assessment window: the baseline periods and the periods since the start.
        var inWindow = counted.Where(c => c.InWindow).ToList();
        var series = MonthlySeries.Create(inWindow.Select(c => new MonthlyObservation(MonthOf(c.Period), c.Value)));
        var comparison = after.TakeLast(ComparisonPeriods).ToList();
        var observed = ObservedChange.Compute(
            [.. baselineValues.Select(c => new MonthlyObservation(MonthOf(c.Period), c.Value))],
            [.. comparison.Select(c => new MonthlyObservation(MonthOf(c.Period), c.Value))],
            statedBaseline is { } stated ? (double)stated : null,
            seasonal: monthly && !rolling,
            confidence,
            lag: rolling ? RollingLag : null);
        statistics = observed.TryGetValue(out var oc)
            ? statistics with
            {
                ObservedChange = new ScorecardObservedChange
                {
                    Method = oc.Method,
                    BaselineFrom = window.BaselineFrom.ToString(),
                    BaselineTo = window.BaselineTo.ToString(),
                    BaselineMean = SignificantDigits.Round(oc.BaselineMean),
                    BaselineCount = oc.BaselineCount,
                    From = comparison[0].Period.ToString(),
                    To = comparison[^1].Period.ToString(),
                    Mean = SignificantDigits.Round(oc.ComparisonMean),
                    Count = oc.ComparisonCount,
                    Change = Round(oc.Change),
                    Percent = SignificantDigits.Round(oc.Percent),
                    PercentLower = SignificantDigits.Round(oc.PercentLower),
                    PercentUpper = SignificantDigits.Round(oc.PercentUpper),
                    Confidence = oc.Confidence,
                },
            }
            : statistics with { ObservedChangeInsufficient = observed.Shortfall };

        // The projected trend is fitted on the window too, with month effects only when the window holds two years
        // before the start (with one, every month effect would rest on one value and the trend on none).
        var before = series.Observations.Count(o => o.Month < MonthOf(intervention));
        var its = InterruptedTimeSeries.Fit(series, MonthOf(intervention), new InterruptedTimeSeriesOptions
        {
            Seasonal = monthly && !rolling && before >= 24,
            HacLag = rolling ? Math.Min(Math.Max(NeweyWest.DefaultLag(series.Count), RollingLag), Math.Max(series.Count - 1, 0)) : null,
            MinimumBefore = Math.Max(2, Math.Min(policy.MinPeriodsBefore, BaselineNeeded(indicator, policy, (window.BaselineFrom, window.BaselineTo)))),
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
                        From = inWindow[0].Period.ToString(),
                        To = inWindow[^1].Period.ToString(),
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

        var relative = RelativeChange.Compute([.. baselineValues.Select(c => c.Value)], [.. comparison.Select(c => c.Value)]);
        statistics = relative.TryGetValue(out var rc)
            ? statistics with
            {
                RelativeChange = new ScorecardRelativeChange(
                    window.BaselineFrom.ToString(),
                    window.BaselineTo.ToString(),
                    SignificantDigits.Round(rc.BaselineMean),
                    rc.BaselineCount,
                    comparison[0].Period.ToString(),
                    comparison[^1].Period.ToString(),
                    SignificantDigits.Round(rc.ComparisonMean),
                    rc.ComparisonCount,
                    SignificantDigits.Round(rc.Percent)),
            }
            : statistics with { RelativeChangeInsufficient = relative.Shortfall };

        if (target is not null && targetValue is { } tv && baselineValue is { } bv && after.Count > 0)
        {
            var from = window.BaselineTo.End;
            var path = TargetPath.Create(from, bv, target.By, tv);
            if (path.TryGetValue(out var line))
            {
                var recent = after.TakeLast(RecentPeriods).ToList();
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

    static int MonthsPer(PeriodType type) => type switch { PeriodType.Quarter => 3, PeriodType.Year => 12, _ => 1 };

    static Period Shift(Period period, int periods)
    {
        var monthsPer = MonthsPer(period.Type);
        var start = period.Start.AddMonths(periods * monthsPer);
        return PeriodContaining(period.Type, start);
    }

    /// <summary>The month a period starts in: monthly statistics place a quarter or a year at its first month.</summary>
    internal static Period MonthOf(Period period) => Period.Month(period.Year, period.MonthOfYear);

    static ScorecardPoint Point(MeasurementState m, MeasurementVerification verification, bool towardTrend, bool towardMet, IReadOnlyDictionary<ulong, MeasurementState> corrected, bool recentProvisional)
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
            Provisional = m.Record.Provisional || recentProvisional,
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

    /// <summary>A counted value: its period, the figure that stands, whether it counts toward MET, is confirmed, is in the window.</summary>
    readonly record struct Counted(Period Period, double Value, bool Met, bool Confirmed, bool InWindow);

    /// <summary>The assessment window: the baseline periods, then <see cref="From"/> (the start) to <see cref="To"/> (as of).</summary>
    readonly record struct Window(Period BaselineFrom, Period BaselineTo, Period From, Period To)
    {
        public bool Contains(Period period) => (period >= BaselineFrom && period <= BaselineTo) || (period >= From && period <= To);
    }

    /// <summary>What the decision needs about one series.</summary>
    sealed record Context(
        IndicatorRecord Indicator,
        EvaluationPolicy Policy,
        bool DefaultPolicy,
        string? PolicyProposedBy,
        string Subject,
        int Logged,
        List<Counted> Counted,
        List<Counted> BaselineValues,
        int BaselineNeeded,
        bool StatedBaseline,
        List<Counted> After,
        Window Window,
        Target? Target,
        double? TargetValue,
        ScorecardStatistics Statistics);
}
