using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Evaluates an agreement from the ledger state at a checkpoint: a pure function of the log prefix and the policy
/// logged in it. The "as of" date is the checkpoint's log time (<see cref="LogTime"/>), or an earlier date asked for;
/// a checkpoint signed before log time existed has none, and the latest date an entry states stands in for it.
/// </summary>
public static class Evaluator
{
    /// <summary>
    /// The scorecard of <paramref name="agreement"/> at <paramref name="checkpoint"/>. The state must stand at the
    /// checkpoint's size and hold the agreement (check <see cref="LedgerState.Agreements"/> first for user input).
    /// </summary>
    public static Scorecard Evaluate(LedgerState state, ScorecardCheckpoint checkpoint, AgreementId agreement, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (state.Size != checkpoint.Size)
        {
            throw new ArgumentException($"the state stands at log size {state.Size}, the checkpoint at {checkpoint.Size}", nameof(checkpoint));
        }

        if (!state.Agreements.TryGetValue(agreement, out var loggedAgreement))
        {
            throw new ArgumentException($"agreement '{agreement}' is not in the log", nameof(agreement));
        }

        var latest = AsOfDate(state, checkpoint);
        if (asOf > latest)
        {
            throw new ArgumentException($"the scorecard cannot be as of {asOf:yyyy-MM-dd}, after its checkpoint's date {latest:yyyy-MM-dd}", nameof(asOf));
        }

        var parties = loggedAgreement.Record.Parties;
        var policyTerms = state.Policies.TryGetValue(agreement, out var policy) && state.FindTerms(policy.Index) is { } terms ? ScorecardTerms.Of(terms, parties) : null;
        var run = new Run(
            state,
            policy is not null ? policy.Record.Policy : new EvaluationPolicy(),
            defaultPolicy: policy is null,
            policyProposedBy: policyTerms is { Agreed: false } ? policyTerms.ProposedBy : null,
            [.. loggedAgreement.Record.Parties.Select(p => p.Value)],
            asOf ?? latest);
        var rated = state.Indicators.Values
            .Where(i => state.Commitments.TryGetValue(i.Record.Commitment, out var c) && c.Record.Agreement == agreement)
            .Select(i => i.Record)
            .ToList();
        run.Prepare([.. rated.Concat(rated
            .Where(i => i.PairedIndicator is { } paired && state.Indicators.ContainsKey(paired))
            .Select(i => state.Indicators[i.PairedIndicator!.Value].Record))
            .DistinctBy(i => i.Id)]);
        var commitments = state.Commitments.Values
            .Where(c => c.Record.Agreement == agreement)
            .OrderBy(c => c.Index)
            .Select(run.Commitment)
            .ToList();

        return new Scorecard
        {
            Checkpoint = checkpoint,
            AsOf = run.AsOf,
            Agreement = new ScorecardAgreement
            {
                Id = agreement.Value,
                Title = loggedAgreement.Record.Title,
                Parties = [.. loggedAgreement.Record.Parties.Select(p => state.Parties.TryGetValue(p, out var party)
                    ? new ScorecardParty(p.Value, party.Record.Name, party.Role)
                    : new ScorecardParty(p.Value, p.Value, PartyRole.Party))],
                Entry = EntryRef.Of(loggedAgreement),
            },
            Policy = new ScorecardPolicy
            {
                CountsTowardMet = run.Policy.CountsTowardMet,
                CountsTowardTrend = run.Policy.CountsTowardTrend,
                MinVerifiedShare = run.Policy.MinVerifiedShare,
                SignificantChange = run.Policy.SignificantChange,
                MinPeriodsBefore = run.Policy.MinPeriodsBefore,
                MinPeriodsAfter = run.Policy.MinPeriodsAfter,
                ConfidenceLevel = run.Policy.ConfidenceLevel,
                Rollup = run.Policy.Rollup,
                DisputeResolvers = run.Policy.DisputeResolvers is { } resolvers ? [.. resolvers.Select(p => p.Value)] : null,
                ResetStatements = run.Policy.ResetStatements is { } resets ? [.. resets.Select(s => s.Value)] : null,
                Verifiers = run.Policy.Verifiers is { } verifiers ? [.. verifiers.Select(p => p.Value)] : null,
                DataNotes = run.Policy.DataNotes,
                Entry = policy is null ? null : EntryRef.Of(policy),
            },
            Commitments = commitments,
        };
    }

    /// <summary>
    /// The latest "as of" date a scorecard at <paramref name="checkpoint"/> can have: the date of its log time, or for a
    /// checkpoint signed before log time existed, the latest date any entry of the state states.
    /// </summary>
    public static DateOnly AsOfDate(LedgerState state, ScorecardCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return LogTime.Of(checkpoint.SignedNote) is { } logged ? DateOnly.FromDateTime(logged.UtcDateTime) : AsOfDate(state);
    }

    /// <summary>The latest date any entry of the state states, of whatever kind: the "as of" date of a ledger older than log time.</summary>
    public static DateOnly AsOfDate(LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.LatestRecordedAt is { } latest ? DateOnly.FromDateTime(latest.UtcDateTime) : DateOnly.MinValue;
    }

    /// <summary>One evaluation: the indexes it builds once, and paired indicators already rated.</summary>
    sealed class Run
    {
        readonly LedgerState _state;
        readonly Dictionary<IndicatorId, List<MeasurementState>> _current = [];
        readonly Dictionary<ulong, MeasurementState> _corrected = [];
        readonly Dictionary<IndicatorId, ScorecardIndicator> _unpaired = [];
        readonly Dictionary<IndicatorId, Prepared> _prepared = [];
        readonly ILookup<CommitmentId, Logged<IndicatorRecord>> _indicatorsOf;

        public Run(LedgerState state, EvaluationPolicy policy, bool defaultPolicy, string? policyProposedBy, IReadOnlyList<string> parties, DateOnly asOf)
        {
            _state = state;
            Policy = policy;
            DefaultPolicy = defaultPolicy;
            PolicyProposedBy = policyProposedBy;
            Parties = parties;
            AsOf = asOf;
            _indicatorsOf = state.Indicators.Values.ToLookup(i => i.Record.Commitment);
            foreach (var m in state.Measurements.Values)
            {
                if (m.SupersededBy is { } by)
                {
                    _corrected[by] = m;
                    continue;
                }

                if (!_current.TryGetValue(m.Record.Indicator, out var list))
                {
                    _current[m.Record.Indicator] = list = [];
                }

                list.Add(m);
            }
        }

        public EvaluationPolicy Policy { get; }

        /// <summary>True when no policy was logged for the agreement: reasons say "the default policy".</summary>
        public bool DefaultPolicy { get; }

        /// <summary>
        /// Whether indicators carry data notes: under the defaults, or a policy that asks for them. A policy logged
        /// before data notes existed does not name them, and its scorecards stay as they were published.
        /// </summary>
        public bool DataNotes => DefaultPolicy || Policy.DataNotes == true;

        /// <summary>Who proposed the logged policy while not every party accepted it: reasons say "the policy proposed by X".</summary>
        public string? PolicyProposedBy { get; }

        /// <summary>The agreement's parties: a reporter's counterparties are the others.</summary>
        public IReadOnlyList<string> Parties { get; }

        public DateOnly AsOf { get; }

        public ScorecardCommitment Commitment(Logged<CommitmentRecord> logged)
        {
            var commitment = logged.Record;
            var indicators = _indicatorsOf[commitment.Id]
                .OrderBy(i => i.Index)
                .Select(i => Indicator(i))
                .ToList();
            RatingReason reason;
            Rating finding;
            if (indicators.Count == 0)
            {
                reason = new RatingReason { Code = ReasonCode.NoIndicators, Rating = Rating.NotYetAssessed, Subject = commitment.Id.Value };
                finding = Rating.NotYetAssessed;
            }
            else if (indicators.Count == 1)
            {
                reason = indicators[0].Reason;
                finding = indicators[0].Finding ?? indicators[0].Rating;
            }
            else
            {
                finding = RatingRollup.Combine(Policy.Rollup, [.. indicators.Select(i => i.Finding ?? i.Rating)]).Rating;
                var (rating, weakest) = RatingRollup.Combine(Policy.Rollup, [.. indicators.Select(i => i.Rating)]);
                reason = new RatingReason
                {
                    Code = Policy.Rollup == RatingRollup.AllMet ? ReasonCode.RollupAllMet : ReasonCode.RollupWorst,
                    Rating = rating,
                    Subject = indicators[weakest].Name,
                    Parts = Parts(indicators.Select(i => i.Rating)),
                };
            }

            return new ScorecardCommitment
            {
                Id = commitment.Id.Value,
                Text = commitment.Text,
                MadeOn = commitment.MadeOn,
                DueDate = commitment.DueDate,
                ResponsibleParties = [.. commitment.ResponsibleParties.Select(p => p.Value)],
                Rating = reason.Rating,
                Reason = reason,
                Finding = finding,
                Confirmation = Sum([.. indicators.Select(i => i.Confirmation!)], Policy),
                Needs = [.. indicators.SelectMany(i => i.Needs ?? [])],
                Statements = [.. commitment.Statements
                    .Where(_state.Statements.ContainsKey)
                    .Select(id => _state.Statements[id])
                    .OrderBy(s => s.Record.Date).ThenBy(s => s.Index)
                    .Select(Statement)],
                Indicators = indicators,
                Terms = Terms(logged.Index),
                Entry = EntryRef.Of(logged),
            };
        }

        /// <summary>
        /// Rates the series of these indicators on all processors: each series is a pure function of the state, so the
        /// order they finish in changes nothing.
        /// </summary>
        public void Prepare(IReadOnlyList<IndicatorRecord> indicators)
        {
            var results = new Prepared[indicators.Count];
            Parallel.For(0, indicators.Count, i => results[i] = Prepare(indicators[i]));
            for (var i = 0; i < indicators.Count; i++)
            {
                _prepared[indicators[i].Id] = results[i];
            }
        }

        /// <summary>What an indicator's entry in the scorecard needs from its values, read once and on all processors.</summary>
        sealed record Prepared(List<ScorecardSeries> Series, List<ScorecardDataNote> Notes, double? BaselineValue, Period? Latest);

        Prepared Prepare(IndicatorRecord indicator)
        {
            var series = SeriesOf(indicator);
            var start = Start(_state.Commitments[indicator.Commitment].Record);
            var headline = series.FirstOrDefault(s => s.Dimensions.Count == 0);
            return new Prepared(
                series,
                DataNotes ? [.. series.SelectMany(s => ScorecardDataNote.Of(indicator, s))] : [],
                headline is not null ? SeriesAssessment.BaselineValue(headline, indicator, start) : null,
                series.SelectMany(s => s.Points).Select(p => (Period?)Period.Parse(p.Period)).Max());
        }

        List<ScorecardSeries> SeriesOf(IndicatorRecord indicator)
        {
            var start = Start(_state.Commitments[indicator.Commitment].Record);
            var measurements = _current.TryGetValue(indicator.Id, out var list) ? list : [];
            var groups = measurements
                .GroupBy(m => SeriesSelection.DimensionsKey(m.Record.Dimensions), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            var series = new List<ScorecardSeries>();
            var counterparties = Parties.Where(p => p != indicator.Reporter.Value).ToList();
            if (groups.Count == 0)
            {
                // An indicator without values still shows its (empty) total series and says why it cannot be rated.
                series.Add(SeriesAssessment.Assess(indicator, start, Policy, DefaultPolicy, PolicyProposedBy, AsOf, new Dictionary<string, string>(), [], _corrected, indicator.Baseline?.Value, counterparties));
            }

            foreach (var group in groups)
            {
                var first = group.First().Record.Dimensions;
                var total = first.Count == 0;
                series.Add(SeriesAssessment.Assess(indicator, start, Policy, DefaultPolicy, PolicyProposedBy, AsOf, first, [.. group], _corrected, total ? indicator.Baseline?.Value : null, counterparties));
            }

            // Without data notes, a scorecard stays as a policy logged before them had it published: no confirmation sources either.
            return DataNotes ? series : [.. series.Select(s => s.Confirmation is { } c ? s with { Confirmation = c with { Sources = null } } : s)];
        }

        ScorecardIndicator Indicator(Logged<IndicatorRecord> logged, bool withPair = true)
        {
            if (!withPair && _unpaired.TryGetValue(logged.Record.Id, out var done))
            {
                return done;
            }

            var indicator = logged.Record;
            var prepared = _prepared.TryGetValue(indicator.Id, out var ready) ? ready : Prepare(indicator);
            var series = prepared.Series;
            var headline = series.FirstOrDefault(s => s.Dimensions.Count == 0);
            RatingReason reason;
            Rating finding;
            ScorecardConfirmation confirmation;
            List<ScorecardNeed> needs;
            if (headline is not null)
            {
                reason = headline.Reason;
                finding = headline.Finding ?? headline.Rating;
                confirmation = headline.Confirmation!;
                needs = [.. (headline.Needs ?? []).Select(n => n with { Indicator = indicator.Id.Value })];
            }
            else
            {
                finding = RatingRollup.Combine(RatingRollup.Worst, [.. series.Select(s => s.Finding ?? s.Rating)]).Rating;
                confirmation = Sum([.. series.Select(s => s.Confirmation!)], Policy);
                needs = [.. series.SelectMany(s => (s.Needs ?? []).Select(n => n with { Indicator = indicator.Id.Value, Subject = s.Reason.Subject }))];
                var (rating, weakest) = RatingRollup.Combine(RatingRollup.Worst, [.. series.Select(s => s.Rating)]);
                reason = new RatingReason
                {
                    Code = ReasonCode.RollupWorst,
                    Rating = rating,
                    Subject = series[weakest].Reason.Subject,
                    Parts = Parts(series.Select(s => s.Rating)),
                };
            }

            var baselineValue = prepared.BaselineValue;
            var (active, _) = SeriesAssessment.ActiveTarget(indicator, AsOf, baselineValue);
            ScorecardPairing? pairing = null;
            if (withPair && indicator.PairedIndicator is { } pairedId && _state.Indicators.TryGetValue(pairedId, out var pairedLogged))
            {
                var paired = Indicator(pairedLogged, withPair: false);
                pairing = new ScorecardPairing
                {
                    Indicator = paired.Id,
                    Name = paired.Name,
                    Reading = indicator.PairedReading,
                    Rating = paired.Rating,
                    Reason = paired.Reason,
                    Entry = paired.Entry,
                };
            }

            var result = new ScorecardIndicator
            {
                Id = indicator.Id.Value,
                Name = indicator.Name,
                Unit = indicator.Unit,
                MeasureType = indicator.MeasureType,
                Direction = indicator.Direction,
                PeriodType = indicator.PeriodType,
                Reporter = indicator.Reporter.Value,
                DataSource = indicator.DataSource,
                VerificationProtocol = indicator.VerificationProtocol,
                Caveat = indicator.Caveat,
                Paired = pairing,
                Freshness = ScorecardFreshness.Of(
                    indicator,
                    prepared.Latest,
                    AsOf),
                Baseline = indicator.Baseline is { } b
                    ? new ScorecardBaseline(b.From.ToString(), b.To.ToString(), SignificantDigits.Round(baselineValue), b.Value is not null)
                    : null,
                Targets = [.. indicator.Targets.OrderBy(t => t.By).Select(t => new ScorecardTarget
                {
                    By = t.By,
                    Basis = t.Basis,
                    Value = t.Value,
                    RelativeChange = t.RelativeChange,
                    TargetValue = SignificantDigits.Round(SeriesAssessment.TargetValue(t, baselineValue)),
                    Note = t.Note,
                    Active = ReferenceEquals(t, active),
                })],
                Rating = reason.Rating,
                Reason = reason,
                Finding = finding,
                Confirmation = confirmation,
                Needs = needs,
                DataNotes = prepared.Notes is { Count: > 0 } notes ? notes : null,
                Series = series,
                Terms = Terms(logged.Index),
                Entry = EntryRef.Of(logged),
            };
            if (!withPair)
            {
                _unpaired[indicator.Id] = result;
            }

            return result;
        }

        /// <summary>Where the assessment of <paramref name="commitment"/>'s indicators starts under the policy.</summary>
        AssessmentStart Start(CommitmentRecord commitment) => AssessmentStart.Of(commitment, Policy, _state, AsOf);

        /// <summary>Where the terms the entry at <paramref name="index"/> proposed stand among the agreement's parties.</summary>
        ScorecardTerms? Terms(ulong index)
        {
            if (_state.FindTerms(index) is not { } terms)
            {
                return null;
            }

            return ScorecardTerms.Of(terms, Parties.Select(p => new PartyId(p)));
        }

        static ScorecardStatement Statement(Logged<StatementRecord> logged) => new()
        {
            Id = logged.Record.Id.Value,
            Date = logged.Record.Date,
            Title = logged.Record.Title,
            Speaker = logged.Record.Speaker,
            Parties = [.. logged.Record.Parties.Select(p => p.Value)],
            StatementKind = logged.Record.StatementKind,
            SourceUrl = logged.Record.SourceUrl,
            SourceSha256 = logged.Record.SourceSha256,
            Quotes = logged.Record.Quotes,
            Entry = EntryRef.Of(logged),
        };

        /// <summary>The confirmation of several parts: their values and disputes summed; it passes when every part passes.</summary>
        static ScorecardConfirmation Sum(IReadOnlyList<ScorecardConfirmation> parts, EvaluationPolicy policy)
        {
            var values = parts.Sum(p => p.Values);
            var confirmed = parts.Sum(p => p.Confirmed);
            return new ScorecardConfirmation
            {
                Values = values,
                Confirmed = confirmed,
                Share = values == 0 ? 0 : SignificantDigits.Round(100.0 * confirmed / values),
                RequiredShare = SignificantDigits.Round((double)policy.MinVerifiedShare * 100),
                OpenDisputes = parts.Sum(p => p.OpenDisputes),
                Passes = parts.All(p => p.Passes),
                Sources = parts.Any(p => p.Sources is not null) ? ScorecardConfirmationSource.Sum(parts.SelectMany(p => p.Sources ?? [])) : null,
            };
        }

        static SortedDictionary<string, int> Parts(IEnumerable<Rating> ratings)
        {
            var parts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var rating in ratings)
            {
                var key = RatingCode.Of(rating);
                parts[key] = parts.GetValueOrDefault(key) + 1;
            }

            return parts;
        }
    }
}
