using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Reports;

/// <summary>
/// What changed between two checkpoints, from the complete state at the later one (every entry logged in between is in
/// it, with its index) and the scorecards of each agreement at both: nothing is read or proven here, the session does that.
/// </summary>
public static class LedgerDiffBuilder
{
    /// <summary>Every entry of <paramref name="state"/> at index <paramref name="from"/> or later that <see cref="DiffChangeKind"/> names, in log order.</summary>
    public static IReadOnlyList<DiffChange> Changes(LedgerState state, ulong from)
    {
        ArgumentNullException.ThrowIfNull(state);
        var changes = new List<DiffChange>();
        foreach (var a in state.Agreements.Values.Where(a => a.Index >= from))
        {
            changes.Add(Change(a, DiffChangeKind.Agreement, a.Record.Id.Value) with { Agreement = a.Record.Id.Value, Text = a.Record.Title });
        }

        foreach (var s in state.Statements.Values.Where(s => s.Index >= from))
        {
            var citing = state.Commitments.Values.Where(c => c.Record.Statements.Contains(s.Record.Id)).OrderBy(c => c.Index).ToList();
            changes.Add(Change(s, DiffChangeKind.Statement, s.Record.Id.Value) with
            {
                Agreement = citing.Select(c => c.Record.Agreement.Value).Distinct(StringComparer.Ordinal).Count() == 1 ? citing[0].Record.Agreement.Value : null,
                Commitments = [.. citing.Select(c => c.Record.Id.Value)],
                Text = s.Record.Title,
            });
        }

        foreach (var c in state.Commitments.Values.Where(c => c.Index >= from))
        {
            changes.Add(Change(c, DiffChangeKind.Commitment, c.Record.Id.Value) with { Agreement = c.Record.Agreement.Value, Commitments = [c.Record.Id.Value], Text = c.Record.Text });
        }

        foreach (var i in state.Indicators.Values.Where(i => i.Index >= from))
        {
            changes.Add(Change(i, DiffChangeKind.Indicator, i.Record.Id.Value) with
            {
                Agreement = state.FindCommitment(i.Record.Commitment)?.Record.Agreement.Value,
                Commitments = [i.Record.Commitment.Value],
                Text = i.Record.Name,
            });
        }

        foreach (var agreement in state.Agreements.Keys)
        {
            foreach (var p in state.FindPolicies(agreement)?.All.Where(p => p.Index >= from) ?? [])
            {
                changes.Add(Change(p, DiffChangeKind.Policy, agreement.Value) with { Agreement = agreement.Value });
            }
        }

        foreach (var terms in state.Terms.Values)
        {
            var (subject, commitment) = TermsSubject(state, terms);
            foreach (var a in terms.Acceptances.Where(a => a.Index >= from))
            {
                changes.Add(Change(a, DiffChangeKind.TermsAccepted, subject) with { Agreement = terms.Agreement.Value, Commitments = commitment, Target = terms.Index, Text = a.Record.Note });
            }

            foreach (var o in terms.Objections.Where(o => o.Index >= from))
            {
                changes.Add(Change(o, DiffChangeKind.TermsContested, subject) with { Agreement = terms.Agreement.Value, Commitments = commitment, Target = terms.Index, Text = o.Record.Reason });
            }
        }

        foreach (var m in state.Measurements.Values)
        {
            var record = m.Record;
            var indicator = state.FindIndicator(record.Indicator);
            var commitment = indicator is null ? [] : new[] { indicator.Record.Commitment.Value };
            var agreement = indicator is null ? null : state.FindCommitment(indicator.Record.Commitment)?.Record.Agreement.Value;
            var value = new DiffChange
            {
                Entry = m.Index,
                Kind = DiffChangeKind.ValueAdded,
                Author = record.Author.Value,
                Subject = record.Indicator.Value,
                Agreement = agreement,
                Commitments = commitment,
                Period = record.Period.ToString(),
                Dimensions = record.Dimensions.Count == 0 ? null : record.Dimensions,
            };
            if (m.Index >= from)
            {
                var corrected = record.Supersedes is { } old ? m.Corrected ?? state.FindMeasurement(old) : null;
                changes.Add(value with
                {
                    Kind = record.Supersedes is null ? DiffChangeKind.ValueAdded : DiffChangeKind.ValueCorrected,
                    Target = record.Supersedes,
                    Value = record.Value,
                    Previous = corrected?.Record.Value,
                    Text = record.Note,
                });
            }

            foreach (var a in m.Attestations.Where(a => a.Index >= from))
            {
                if (AttestationKind(a.Record.Verdict) is not { } kind)
                {
                    continue;
                }

                changes.Add(value with
                {
                    Entry = a.Index,
                    Kind = kind,
                    Author = a.Record.Author.Value,
                    Target = m.Index,
                    Value = a.Record.Figure,
                    Previous = kind == DiffChangeKind.DisputeOpened ? record.Value : null,
                    Text = a.Record.Reason,
                });
            }
        }

        changes.Sort((x, y) => x.Entry.CompareTo(y.Entry));
        return changes;
    }

    /// <summary>
    /// The commitments whose rating or finding differs between <paramref name="then"/> and <paramref name="now"/> (the
    /// same agreements' scorecards at the two checkpoints; a missing one had not been logged), each with its reason now.
    /// </summary>
    public static IReadOnlyList<DiffRatingChange> Ratings(IReadOnlyList<Scorecard> then, IReadOnlyList<Scorecard> now, TextCatalogue text)
    {
        ArgumentNullException.ThrowIfNull(then);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(text);
        var before = then.SelectMany(s => s.Commitments.Select(c => (s.Agreement.Id, c))).ToDictionary(x => (x.Id, x.c.Id), x => x.c);
        var ratings = new List<DiffRatingChange>();
        foreach (var scorecard in now)
        {
            foreach (var c in scorecard.Commitments)
            {
                var earlier = before.GetValueOrDefault((scorecard.Agreement.Id, c.Id));
                var findingThen = earlier is null ? (Evaluation.Rating?)null : earlier.Finding ?? earlier.Rating;
                var findingNow = c.Finding ?? c.Rating;
                if (earlier is not null && earlier.Rating == c.Rating && findingThen == findingNow)
                {
                    continue;
                }

                ratings.Add(new DiffRatingChange
                {
                    Agreement = scorecard.Agreement.Id,
                    Commitment = c.Id,
                    Text = c.Text,
                    From = earlier?.Rating,
                    To = c.Rating,
                    FindingFrom = findingThen == earlier?.Rating ? null : findingThen,
                    FindingTo = findingNow == c.Rating ? null : findingNow,
                    Reason = text.Sentence(c.Reason),
                });
            }
        }

        return ratings;
    }

    static DiffChange Change<T>(Logged<T> logged, DiffChangeKind kind, string subject)
        where T : LedgerRecord =>
        new() { Entry = logged.Index, Kind = kind, Author = logged.Record.Author.Value, Subject = subject };

    static DiffChangeKind? AttestationKind(Verdict verdict) => verdict switch
    {
        Verdict.Acknowledged or Verdict.Verified => DiffChangeKind.ValueConfirmed,
        Verdict.VerificationFailed => DiffChangeKind.VerificationFailed,
        Verdict.Disputed => DiffChangeKind.DisputeOpened,
        Verdict.Resolved => DiffChangeKind.DisputeResolved,
        Verdict.Withdrawn => DiffChangeKind.DisputeWithdrawn,
        _ => null,
    };

    // The terms' own id (a commitment's or an indicator's; a policy's agreement) and the commitment they belong to.
    static (string Subject, IReadOnlyList<string> Commitments) TermsSubject(LedgerState state, TermsState terms)
    {
        if (state.Commitments.Values.FirstOrDefault(c => c.Index == terms.Index) is { } commitment)
        {
            return (commitment.Record.Id.Value, [commitment.Record.Id.Value]);
        }

        if (state.Indicators.Values.FirstOrDefault(i => i.Index == terms.Index) is { } indicator)
        {
            return (indicator.Record.Id.Value, [indicator.Record.Commitment.Value]);
        }

        return (terms.Agreement.Value, []);
    }
}
