using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// Fills a <see cref="LedgerState"/> loaded on demand from the projection: every party and key when it opens, then
/// before each batch of checks what the records' kinds say they need, in a few queries whatever the ledger's size.
/// The records themselves are read from the log's entries, which the projection's rows point at.
/// </summary>
public static class StateLoader
{
    /// <summary>A state loaded on demand standing at <paramref name="size"/>, holding every party and key.</summary>
    public static async Task<LedgerState> OpenAsync(ILedgerStore store, ulong size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var state = LedgerState.OnDemand(size);
        var parties = await store.QueryAsync(new ProjectionQuery(PartyRecordKind.PartiesTable), cancellationToken);
        var keys = await store.QueryAsync(new ProjectionQuery(PartyRecordKind.KeysTable), cancellationToken);
        var keyEntries = keys.SelectMany(k => new[] { k.Index("added_at"), k.Index("revoked_at") }).OfType<ulong>();
        var leaves = await ReadAsync(store, [.. parties.Select(p => p.Index("log_index")!.Value).Concat(keyEntries)], cancellationToken);
        var byId = new Dictionary<string, PartyState>(StringComparer.Ordinal);
        foreach (var row in parties)
        {
            var (record, leaf) = Open<PartyRecord>(leaves, row.Index("log_index")!.Value);
            var party = new PartyState(record, leaf.Index, leaf.LeafHash);
            byId[record.Id.Value] = party;
            state.AddParty(party);
        }

        foreach (var row in keys)
        {
            var owner = row.Text("party")!;
            var party = byId.TryGetValue(owner, out var found) ? found : throw new InvalidDataException($"the projection lists a key of party '{owner}', which it does not list");
            var addedAt = row.Index("added_at")!.Value;
            state.AddKey(party, row.Text("key_id")!, Convert.FromBase64String(row.Text("public_key")!), addedAt);
            party.AddEntry(addedAt, leaves[addedAt].LeafHash);
            if (row.Index("revoked_at") is { } revokedAt)
            {
                party.RevokedAt[row.Text("key_id")!] = revokedAt;
                party.AddEntry(revokedAt, leaves[revokedAt].LeafHash);
            }
        }

        return state;
    }

    /// <summary>Loads what <paramref name="needs"/> names and <paramref name="state"/> does not hold yet; the rest is known absent.</summary>
    public static async Task LoadAsync(LedgerState state, StateNeeds needs, ILedgerStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(store);
        if (!state.IsLoadedOnDemand)
        {
            return;
        }

        await LoadStepAsync(state, needs, store, cancellationToken);

        // What the rules read around a record is a chain (measurement → series and indicator → commitment → agreement
        // and policies): a step further each round, at most three more rounds whatever the ledger's size.
        for (var more = state.ContextNeeds(needs); !more.IsEmpty; more = state.ContextNeeds(needs))
        {
            await LoadStepAsync(state, more, store, cancellationToken);
        }
    }

    static async Task LoadStepAsync(LedgerState state, StateNeeds needs, ILedgerStore store, CancellationToken cancellationToken)
    {
        var missing = state.Unresolved(needs);
        if (missing.IsEmpty)
        {
            return;
        }

        // Terms are answered under their agreement (an indicator's through its commitment): read their entries first.
        var proposals = new List<(ulong Index, LedgerRecord Record)>();
        if (missing.TermsEntries.Count > 0)
        {
            foreach (var leaf in await store.ReadLeavesAtAsync([.. missing.TermsEntries], cancellationToken))
            {
                if (!EntryCodec.TryOpen(leaf.Data, out _, out var record, out _) || record is not (CommitmentRecord or IndicatorRecord or PolicyRecord))
                {
                    continue;
                }

                proposals.Add((leaf.Index, record));
                switch (record)
                {
                    case CommitmentRecord c:
                        missing.Agreement(c.Agreement);
                        break;
                    case IndicatorRecord i:
                        missing.Commitment(i.Commitment);
                        break;
                    case PolicyRecord p:
                        missing.Agreement(p.Agreement);
                        break;
                }
            }
        }

        // A commitment is checked against its agreement: learn which before reading the agreements.
        var commitments = await FindAsync(store, CommitmentRecordKind.Table, "id", missing.Commitments.Select(c => c.Value), cancellationToken);
        foreach (var row in commitments)
        {
            missing.Agreement(new AgreementId(row.Text("agreement")!));
        }

        missing = state.Unresolved(missing);
        var agreements = await FindAsync(store, AgreementRecordKind.Table, "id", missing.Agreements.Select(a => a.Value), cancellationToken);
        var policies = await FindAsync(store, PolicyRecordKind.Table, "agreement", missing.Policies.Select(a => a.Value), cancellationToken);
        var statements = await FindAsync(store, StatementRecordKind.Table, "id", missing.Statements.Select(s => s.Value), cancellationToken);
        var indicators = await FindAsync(store, IndicatorRecordKind.Table, "id", missing.Indicators.Select(i => i.Value), cancellationToken);
        var measurements = (await FindAsync(store, MeasurementRecordKind.Table, "log_index", missing.Measurements.Select(i => (long)i), cancellationToken))
            .Concat(await FindAsync(store, MeasurementRecordKind.Table, "series", missing.Series, cancellationToken))
            .DistinctBy(row => row.Key)
            .ToList();
        var attestations = await FindAsync(store, AttestationRecordKind.Table, "measurement", measurements.Select(m => m.Key), cancellationToken);

        IEnumerable<ProjectionRow> all = [.. commitments, .. agreements, .. policies, .. statements, .. indicators, .. measurements, .. attestations];
        var leaves = await ReadAsync(store, [.. all.Select(row => row.Index("log_index")!.Value)], cancellationToken);
        foreach (var row in agreements)
        {
            state.AddAgreement(Logged<AgreementRecord>(leaves, row));
        }

        foreach (var row in policies.OrderBy(r => r.Index("log_index")))
        {
            state.AddPolicy(Logged<PolicyRecord>(leaves, row));
        }

        foreach (var row in statements)
        {
            state.AddStatement(Logged<StatementRecord>(leaves, row));
        }

        foreach (var row in commitments)
        {
            state.AddCommitment(Logged<CommitmentRecord>(leaves, row));
        }

        foreach (var row in indicators)
        {
            state.AddIndicator(Logged<IndicatorRecord>(leaves, row));
        }

        var attested = attestations.ToLookup(row => row.Index("measurement")!.Value);
        var loaded = new List<MeasurementState>(measurements.Count);
        foreach (var row in measurements)
        {
            var index = row.Index("log_index")!.Value;
            var (record, leaf) = Open<MeasurementRecord>(leaves, index);
            var measurement = new MeasurementState(record, index, leaf.LeafHash) { SupersededBy = row.Index("superseded_by") };
            foreach (var attestation in attested[index].OrderBy(a => a.Index("log_index")))
            {
                measurement.Attestations.Add(Logged<AttestationRecord>(leaves, attestation));
            }

            loaded.Add(measurement);
            if (missing.Measurements.Contains(index))
            {
                state.LoadMeasurement(measurement);
            }
        }

        foreach (var series in loaded.Where(m => missing.Series.Contains(m.SeriesKey)).GroupBy(m => m.SeriesKey, StringComparer.Ordinal))
        {
            state.LoadSeries(series.Key, series.OrderBy(m => m.Index));
        }

        await LoadTermsAsync(state, proposals, store, cancellationToken);

        state.MarkAbsent(missing);
    }

    // The terms the proposals set, with every acceptance and objection answering them, in log order.
    static async Task LoadTermsAsync(LedgerState state, List<(ulong Index, LedgerRecord Record)> proposals, ILedgerStore store, CancellationToken cancellationToken)
    {
        if (proposals.Count == 0)
        {
            return;
        }

        var terms = new Dictionary<ulong, TermsState>();
        foreach (var (index, record) in proposals)
        {
            terms[index] = record switch
            {
                IndicatorRecord i => new TermsState(index, i.Kind, state.FindCommitment(i.Commitment)!.Record.Agreement, i.Author, i.Reporter),
                CommitmentRecord c => new TermsState(index, c.Kind, c.Agreement, c.Author, null),
                PolicyRecord p => new TermsState(index, p.Kind, p.Agreement, p.Author, null),
                _ => throw new InvalidOperationException($"entry {index} proposes no terms"),
            };
        }

        var responses = await FindAsync(store, AcceptanceRecordKind.Table, "entry", terms.Keys.Select(i => (long)i), cancellationToken);
        var leaves = await ReadAsync(store, [.. responses.Select(row => row.Index("log_index")!.Value)], cancellationToken);
        foreach (var row in responses.OrderBy(r => r.Index("log_index")))
        {
            var answered = terms[row.Index("entry")!.Value];
            if (row.Text("kind") == RecordKinds.Objection.Name)
            {
                answered.Objections.Add(Logged<ObjectionRecord>(leaves, row));
            }
            else
            {
                answered.Acceptances.Add(Logged<AcceptanceRecord>(leaves, row));
            }
        }

        foreach (var loaded in terms.Values)
        {
            state.AddTerms(loaded);
        }
    }

    static async Task<IReadOnlyList<ProjectionRow>> FindAsync<T>(ILedgerStore store, ProjectionTable table, string column, IEnumerable<T> values, CancellationToken cancellationToken)
        where T : notnull
    {
        var list = values.Select(v => (object)v).ToList();
        return list.Count == 0 ? [] : await store.FindAsync(table, column, list, cancellationToken);
    }

    static async Task<Dictionary<ulong, StoredLeaf>> ReadAsync(ILedgerStore store, IReadOnlyCollection<ulong> indices, CancellationToken cancellationToken)
    {
        var leaves = indices.Count == 0 ? [] : await store.ReadLeavesAtAsync(indices, cancellationToken);
        var byIndex = leaves.ToDictionary(l => l.Index);
        foreach (var index in indices.Where(i => !byIndex.ContainsKey(i)))
        {
            throw new InvalidDataException($"the projection points at entry {index}, which the log does not hold: run 'outcomes ledger rebuild'");
        }

        return byIndex;
    }

    static Logged<T> Logged<T>(Dictionary<ulong, StoredLeaf> leaves, ProjectionRow row)
        where T : LedgerRecord
    {
        var (record, leaf) = Open<T>(leaves, row.Index("log_index")!.Value);
        return new Logged<T>(record, leaf.Index, leaf.LeafHash);
    }

    static (T Record, StoredLeaf Leaf) Open<T>(Dictionary<ulong, StoredLeaf> leaves, ulong index)
        where T : LedgerRecord
    {
        var leaf = leaves[index];
        return EntryCodec.TryOpen(leaf.Data, out _, out var record, out var error) && record is T typed
            ? (typed, leaf)
            : throw new InvalidDataException($"the projection points at entry {index} as a {typeof(T).Name}, but it {(record is null ? "cannot be read: " + error : "is a " + record.Kind)}: run 'outcomes ledger rebuild'");
    }
}
