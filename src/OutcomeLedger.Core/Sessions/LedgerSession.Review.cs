using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Sessions;

// The review queue: what awaits a party's attestation, and what acknowledging it would change.
public sealed partial class LedgerSession
{
    /// <summary>
    /// What awaits <paramref name="party"/>'s attestation at the latest checkpoint: the current values of the indicators
    /// of the agreements it is party to (any indicator, for a verifier), reported by someone else, on which its latest
    /// verdict is none (or a withdrawn dispute). Grouped by indicator and run of consecutive periods, newest first; each
    /// group says what acknowledging the values awaiting the party on its commitment would do to the commitment's rating
    /// (the evaluation run again with those acknowledgements applied to the replayed state; nothing is logged).
    /// It replays the log, as a scorecard does, because the effect is an evaluation.
    /// </summary>
    public async Task<ReviewQueue> ReviewQueueAsync(PartyId party, CancellationToken cancellationToken)
    {
        var author = await FindPartyAsync(party, cancellationToken)
            ?? throw new LedgerRequestException(LedgerError.NotFound, "as", $"party '{party}' is not registered in this ledger (see 'outcomes party list')");
        if (author.Role == PartyRole.Operator)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "as", $"'{party}' is the operator, which attests nothing; give a party or a verifier");
        }

        var checkpoint = await LatestCheckpointAsync(cancellationToken);
        if (checkpoint is null)
        {
            return new ReviewQueue(party, null, []);
        }

        var state = await ReplayAsync(checkpoint, null, cancellationToken);
        return Review(state, party, checkpoint, CheckpointOf(checkpoint), Now());
    }

    /// <summary>
    /// The review queue of <paramref name="party"/> on a replayed <paramref name="state"/> (the grouping and effects of
    /// <see cref="ReviewQueueAsync"/>, which checks the party first): the values awaiting it, by indicator and run of
    /// consecutive periods, newest first, each group with its commitment's rating now and with every awaiting value on it
    /// acknowledged. The acknowledgements are applied to <paramref name="state"/> itself (a replay the caller discards);
    /// <paramref name="now"/> stamps them only when the state has no record yet.
    /// </summary>
    internal static ReviewQueue Review(LedgerState state, PartyId party, StoredCheckpoint checkpoint, ScorecardCheckpoint cited, DateTimeOffset now)
    {
        var verifier = state.FindParty(party)?.Role == PartyRole.Verifier;
        var agreements = state.Agreements.Values.Where(a => verifier || a.Record.Parties.Contains(party)).Select(a => a.Record.Id).ToHashSet();
        var commitments = state.Commitments.Values.Where(c => agreements.Contains(c.Record.Agreement)).ToDictionary(c => c.Record.Id, c => c.Record);
        var indicators = state.Indicators.Values.Select(i => i.Record).Where(i => commitments.ContainsKey(i.Commitment)).ToDictionary(i => i.Id);
        var awaiting = state.Measurements.Values
            .Where(m => m.SupersededBy is null && m.Record.Author != party && indicators.ContainsKey(m.Record.Indicator))
            .Where(m => m.Attestations.LastOrDefault(a => a.Record.Author == party) is not { } latest || latest.Record.Verdict == Verdict.Withdrawn)
            .ToList();
        if (awaiting.Count == 0)
        {
            return new ReviewQueue(party, checkpoint, []);
        }

        var effects = Effects(state, cited, party, verifier, now, awaiting, indicators, commitments);
        var groups = new List<ReviewGroup>();
        foreach (var byIndicator in awaiting.GroupBy(m => m.Record.Indicator))
        {
            var indicator = indicators[byIndicator.Key];
            var periods = byIndicator.Select(m => m.Record.Period).Distinct().Order().ToList();
            var start = 0;
            for (var i = 1; i <= periods.Count; i++)
            {
                if (i < periods.Count && Next(periods[i - 1]) == periods[i])
                {
                    continue;
                }

                var (from, to) = (periods[start], periods[i - 1]);
                var values = byIndicator.Where(m => m.Record.Period >= from && m.Record.Period <= to)
                    .OrderByDescending(m => m.Record.Period).ThenBy(m => m.SeriesKey, StringComparer.Ordinal).ToList();
                groups.Add(new ReviewGroup(indicator, from, to, values, effects[indicator.Commitment]));
                start = i;
            }
        }

        return new ReviewQueue(party, checkpoint, [.. groups.OrderByDescending(g => g.To).ThenBy(g => g.Indicator.Id.Value, StringComparer.Ordinal)]);
    }

    // Each commitment's rating now and with every awaiting value on it acknowledged by the party (verified, by a verifier).
    static Dictionary<CommitmentId, ReviewEffect> Effects(
        LedgerState state, ScorecardCheckpoint cited, PartyId party, bool verifier, DateTimeOffset now, List<MeasurementState> awaiting,
        Dictionary<IndicatorId, IndicatorRecord> indicators, Dictionary<CommitmentId, CommitmentRecord> commitments)
    {
        var asOf = Evaluator.AsOfDate(state, cited);
        var touched = awaiting.Select(m => indicators[m.Record.Indicator].Commitment).ToHashSet();
        var agreementsTouched = touched.Select(c => commitments[c].Agreement).Distinct().ToList();
        Dictionary<CommitmentId, Rating> Ratings() => agreementsTouched
            .SelectMany(a => Evaluator.Evaluate(state, cited with { Size = state.Size }, a, asOf).Commitments)
            .ToDictionary(c => new CommitmentId(c.Id), c => c.Rating);

        var before = Ratings();

        // The acknowledgements applied to the replayed state only: hypothetical entries, never signed nor logged. They carry
        // the latest time already in the state and the evaluation keeps the checkpoint's as-of date, so only they differ.
        var at = state.LatestRecordedAt ?? now;
        var verdict = verifier ? Verdict.Verified : Verdict.Acknowledged;
        foreach (var value in awaiting)
        {
            var acknowledgement = new AttestationRecord { Author = party, RecordedAt = at, Measurement = value.Index, Verdict = verdict };
            state.Apply(acknowledgement, Rfc6962.HashLeaf(System.Text.Encoding.UTF8.GetBytes($"review:{value.Index}")));
        }

        var after = Ratings();
        var counts = awaiting.GroupBy(m => indicators[m.Record.Indicator].Commitment).ToDictionary(g => g.Key, g => g.Count());
        return touched.ToDictionary(c => c, c => new ReviewEffect(c, counts[c], before[c], after[c]));
    }
}
