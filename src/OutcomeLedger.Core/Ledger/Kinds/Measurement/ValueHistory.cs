namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// A value's history and where its disputes stand: the value and every value it corrected (its series, back to the
/// first report), with the attestations on each, read in log order. One reading serves the rules (who may withdraw or
/// resolve what) and the evaluation (the status and the figure that stands), so they cannot disagree.
/// <para>
/// A dispute belongs to the value's history, not to one entry: a correction by the reporter inherits every dispute
/// still open. A dispute ends only when its disputer withdraws it or acknowledges the value (a correction, or the value
/// it disputed), or when a resolution settles it: both sides of it (the reporter and the disputer) state the same
/// figure, or a verifier decides (the rules admit only a verifier the policy names). Acknowledgements and verifier
/// verdicts are about one logged value: a correction needs its own.
/// </para>
/// </summary>
public sealed class ValueHistory
{
    readonly List<ValueEvent> _events = [];
    readonly Dictionary<PartyId, Logged<AttestationRecord>> _open = [];
    readonly Dictionary<PartyId, decimal> _proposals = [];
    readonly List<PartyId> _acknowledgedBy = [];

    ValueHistory(MeasurementState value) => Value = value;

    /// <summary>The value whose history this is (the latest of its series when read for the rules).</summary>
    public MeasurementState Value { get; }

    /// <summary>The party that reported the value and every value it corrected.</summary>
    public PartyId Reporter => Value.Record.Author;

    /// <summary>Every step, in log order: reports and corrections, attestations on any of them.</summary>
    public IReadOnlyList<ValueEvent> Events => _events;

    /// <summary>The disputes still open on the value, one per disputer (its latest), in log order.</summary>
    public IReadOnlyList<Logged<AttestationRecord>> OpenDisputes => _open.Count == 0 ? [] : [.. _open.Values.OrderBy(d => d.Index)];

    /// <summary>The open dispute of <paramref name="party"/>, if it has one.</summary>
    public Logged<AttestationRecord>? OpenDisputeOf(PartyId party) => _open.GetValueOrDefault(party);

    /// <summary>The resolution that settled the value's disputes since the value was logged, whose figure stands; null if none.</summary>
    public Logged<AttestationRecord>? Resolution { get; private set; }

    /// <summary>The latest resolution anywhere in the history (also before a later correction); null if none.</summary>
    public Logged<AttestationRecord>? LatestResolution { get; private set; }

    /// <summary>The latest verifier verdict (verified or verification failed) on the value itself.</summary>
    public Logged<AttestationRecord>? VerifierVerdict { get; private set; }

    /// <summary>The parties whose latest word on the value itself is an acknowledgement.</summary>
    public IReadOnlyList<PartyId> AcknowledgedBy => _acknowledgedBy;

    /// <summary>The figure each side of an open dispute proposed to let stand, while the other has not agreed.</summary>
    public IReadOnlyDictionary<PartyId, decimal> Proposals => _proposals;

    /// <summary>Reads the history of <paramref name="value"/>: its series back through <see cref="MeasurementState.Corrected"/>.</summary>
    public static ValueHistory Of(MeasurementState value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var chain = new List<MeasurementState>();
        for (var m = value; m is not null; m = m.Corrected)
        {
            chain.Add(m);
        }

        // Every entry has its own index, so the order is the log's (a scorecard reads this for every value it shows).
        var steps = new List<(ulong Index, MeasurementState Value, Logged<AttestationRecord>? Attestation)>(chain.Count * 2);
        foreach (var m in chain)
        {
            steps.Add((m.Index, m, null));
            foreach (var a in m.Attestations)
            {
                steps.Add((a.Index, m, a));
            }
        }

        steps.Sort(static (x, y) => x.Index.CompareTo(y.Index));
        var history = new ValueHistory(value);
        foreach (var (_, on, attestation) in steps)
        {
            if (attestation is null)
            {
                history.Report(on);
            }
            else
            {
                history.Attest(attestation, on);
            }
        }

        return history;
    }

    /// <summary>The latest value of the series <paramref name="value"/> belongs to: the one nothing superseded.</summary>
    public static MeasurementState Latest(MeasurementState value, LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(state);
        var latest = value;
        while (latest.SupersededBy is { } next && state.FindMeasurement(next) is { } correction)
        {
            latest = correction;
        }

        return latest;
    }

    void Report(MeasurementState value)
    {
        var first = value.Corrected is null;
        _events.Add(new(first ? ValueEventKind.Reported : ValueEventKind.Corrected, value.Record.Author, value.Record.Value, value.Record.Note, value.Index, value.Index, value.LeafHash));

        // A new value: what was said of the one before it (acknowledged, verified, the figure a resolution let stand)
        // is not said of this one. Open disputes and pending proposals carry over.
        _acknowledgedBy.Clear();
        VerifierVerdict = null;
        Resolution = null;
    }

    void Attest(Logged<AttestationRecord> attestation, MeasurementState on)
    {
        var record = attestation.Record;
        var party = record.Author;
        var onValue = on.Index == Value.Index;
        List<ulong> ends = [];
        var kind = ValueEventKind.Acknowledged;
        switch (record.Verdict)
        {
            case Verdict.Acknowledged:
                End(party, ends);
                if (onValue && !_acknowledgedBy.Contains(party))
                {
                    _acknowledgedBy.Add(party);
                }

                break;
            case Verdict.Disputed:
                kind = ValueEventKind.Disputed;
                _open[party] = attestation;
                _proposals.Remove(party);
                _acknowledgedBy.Remove(party);
                break;
            case Verdict.Withdrawn:
                kind = ValueEventKind.Withdrawn;
                End(party, ends);
                break;
            case Verdict.Verified:
            case Verdict.VerificationFailed:
                kind = record.Verdict == Verdict.Verified ? ValueEventKind.Verified : ValueEventKind.VerificationFailed;
                if (onValue)
                {
                    VerifierVerdict = attestation;
                }

                break;
            case Verdict.Resolved:
                kind = Resolve(attestation, ends);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(attestation), record.Verdict, "a verdict this history does not know");
        }

        _events.Add(new(kind, party, record.Figure, record.Reason, on.Index, attestation.Index, attestation.LeafHash) { Ends = ends });
    }

    // A side of a dispute (the reporter or a disputer) proposes; the dispute is settled when the other side states the
    // same figure. Anyone else (the rules admit a verifier the policy names; earlier versions also the operator) decides.
    ValueEventKind Resolve(Logged<AttestationRecord> resolution, List<ulong> ends)
    {
        var party = resolution.Record.Author;
        var figure = resolution.Record.Figure ?? Value.Record.Value;
        if (party == Reporter || _open.ContainsKey(party))
        {
            _proposals[party] = figure;
            if (_proposals.TryGetValue(Reporter, out var reporters))
            {
                foreach (var disputer in _open.Keys.Where(d => _proposals.TryGetValue(d, out var theirs) && theirs == reporters).ToList())
                {
                    End(disputer, ends);
                }
            }

            if (ends.Count == 0)
            {
                return ValueEventKind.ResolutionProposed;
            }
        }
        else
        {
            foreach (var disputer in _open.Keys.ToList())
            {
                End(disputer, ends);
            }
        }

        if (_open.Count == 0)
        {
            _proposals.Clear();
        }

        Resolution = resolution;
        LatestResolution = resolution;
        return ValueEventKind.Resolved;
    }

    void End(PartyId disputer, List<ulong> ends)
    {
        if (_open.Remove(disputer, out var dispute))
        {
            ends.Add(dispute.Index);
            _proposals.Remove(disputer);
        }
    }
}
