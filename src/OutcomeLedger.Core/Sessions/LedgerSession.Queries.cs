using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Core.Sessions;

// Queries: the projection finds the entries, which are read back proven. Each costs what its page costs.
public sealed partial class LedgerSession
{
    /// <summary>Every registered party with its keys (a ledger has a handful).</summary>
    public async Task<IReadOnlyList<PartyState>> PartiesAsync(CancellationToken cancellationToken)
    {
        var state = await PartyStateAsync(cancellationToken);
        return [.. state.Parties.Values.OrderBy(p => p.Index)];
    }

    public async Task<PartyState?> FindPartyAsync(PartyId id, CancellationToken cancellationToken) =>
        (await PartyStateAsync(cancellationToken)).FindParty(id);

    // Parties and keys are few: loaded as the sequencer loads them, with their entries proven.
    /// <summary>Every party and its keys at the latest checkpoint (a state holding only them), each entry proven.</summary>
    public async Task<LedgerState> PartyStateAsync(CancellationToken cancellationToken)
    {
        var latest = await LatestCheckpointAsync(cancellationToken);
        var state = await StateLoader.OpenAsync(Store, latest?.Size ?? 0, cancellationToken);
        var entries = state.Parties.Values.SelectMany(p => p.Entries.Select(e => e.Index)).ToList();
        var proven = await ReadEntriesAsync(entries, cancellationToken);
        foreach (var party in state.Parties.Values)
        {
            foreach (var (index, leafHash) in party.Entries)
            {
                if (index < (latest?.Size ?? 0) && proven[index].LeafHash != leafHash)
                {
                    throw new Transparency.Tiles.LogMismatchException($"the projection's entry {index} for party '{party.Id}' is not what the log holds: run 'outcomes ledger rebuild'");
                }
            }
        }

        return state;
    }

    public Task<Logged<AgreementRecord>?> FindAgreementAsync(AgreementId id, CancellationToken cancellationToken) =>
        FindByIdAsync<AgreementRecord>(AgreementRecordKind.Table, id.Value, cancellationToken);

    public Task<Page<Logged<AgreementRecord>>> ListAgreementsAsync(Paging paging, CancellationToken cancellationToken) =>
        ListAsync<AgreementRecord>(new ProjectionQuery(AgreementRecordKind.Table) { OrderBy = ["log_index"] }, paging, cancellationToken);

    /// <summary>The policy in force for an agreement: the latest logged for it, or null (the default policy applies).</summary>
    public async Task<Logged<PolicyRecord>?> FindPolicyAsync(AgreementId agreement, CancellationToken cancellationToken)
    {
        var rows = await Store.QueryAsync(new ProjectionQuery(PolicyRecordKind.Table) { Descending = true, Limit = 1 }.WhereEquals("agreement", agreement.Value), cancellationToken);
        return rows.Count == 0 ? null : (await LoggedAsync<PolicyRecord>(rows, cancellationToken))[0];
    }

    /// <summary>
    /// Where the terms the entry at <paramref name="index"/> proposed (a commitment, an indicator or a policy) stand
    /// among the parties of their agreement, loaded from the projection; null when that entry proposes no terms.
    /// </summary>
    public async Task<Scorecards.ScorecardTerms?> FindTermsAsync(ulong index, CancellationToken cancellationToken)
    {
        var latest = await LatestCheckpointAsync(cancellationToken);
        var state = await StateLoader.OpenAsync(Store, latest?.Size ?? 0, cancellationToken);
        var needs = new StateNeeds();
        needs.Terms(index);
        await StateLoader.LoadAsync(state, needs, Store, cancellationToken);
        return state.FindTerms(index) is { } terms && state.FindAgreement(terms.Agreement) is { } agreement
            ? Scorecards.ScorecardTerms.Of(terms, agreement.Record.Parties)
            : null;
    }

    public Task<Logged<StatementRecord>?> FindStatementAsync(StatementId id, CancellationToken cancellationToken) =>
        FindByIdAsync<StatementRecord>(StatementRecordKind.Table, id.Value, cancellationToken);

    /// <summary>Statements by the date they were made.</summary>
    public Task<Page<Logged<StatementRecord>>> ListStatementsAsync(Paging paging, CancellationToken cancellationToken) =>
        ListAsync<StatementRecord>(new ProjectionQuery(StatementRecordKind.Table) { OrderBy = ["date", "log_index"] }, paging, cancellationToken);

    /// <summary>The statements of one party (it is among their parties), in log order.</summary>
    public Task<Page<Logged<StatementRecord>>> ListStatementsOfAsync(PartyId party, Paging paging, CancellationToken cancellationToken) =>
        ListAsync<StatementRecord>(new ProjectionQuery(StatementRecordKind.PartiesTable) { OrderBy = ["log_index"] }.WhereEquals("party", party.Value), paging, cancellationToken);

    /// <summary>Statements in log order.</summary>
    public Task<Page<Logged<StatementRecord>>> ListStatementsInLogOrderAsync(Paging paging, CancellationToken cancellationToken) =>
        ListAsync<StatementRecord>(new ProjectionQuery(StatementRecordKind.Table) { OrderBy = ["log_index"] }, paging, cancellationToken);

    public Task<Logged<CommitmentRecord>?> FindCommitmentAsync(CommitmentId id, CancellationToken cancellationToken) =>
        FindByIdAsync<CommitmentRecord>(CommitmentRecordKind.Table, id.Value, cancellationToken);

    public Task<Page<Logged<CommitmentRecord>>> ListCommitmentsAsync(AgreementId? agreement, Paging paging, CancellationToken cancellationToken)
    {
        var query = new ProjectionQuery(CommitmentRecordKind.Table) { OrderBy = ["log_index"] };
        return ListAsync<CommitmentRecord>(agreement is { } a ? query.WhereEquals("agreement", a.Value) : query, paging, cancellationToken);
    }

    public Task<Logged<IndicatorRecord>?> FindIndicatorAsync(IndicatorId id, CancellationToken cancellationToken) =>
        FindByIdAsync<IndicatorRecord>(IndicatorRecordKind.Table, id.Value, cancellationToken);

    /// <summary>The indicator, or a not-found error that says how to list them.</summary>
    public async Task<Logged<IndicatorRecord>> RequireIndicatorAsync(IndicatorId id, CancellationToken cancellationToken) =>
        await FindIndicatorAsync(id, cancellationToken)
        ?? throw new LedgerRequestException(LedgerError.NotFound, $"indicator '{id}' does not exist (see 'outcomes indicator list')");

    public Task<Page<Logged<IndicatorRecord>>> ListIndicatorsAsync(CommitmentId? commitment, Paging paging, CancellationToken cancellationToken)
    {
        var query = new ProjectionQuery(IndicatorRecordKind.Table) { OrderBy = ["log_index"] };
        return ListAsync<IndicatorRecord>(commitment is { } c ? query.WhereEquals("commitment", c.Value) : query, paging, cancellationToken);
    }

    /// <summary>The measurement logged at <paramref name="index"/>, with its correction and attestations; null when that entry is not one.</summary>
    public async Task<MeasurementState?> FindMeasurementAsync(ulong index, CancellationToken cancellationToken)
    {
        var rows = await Store.FindAsync(MeasurementRecordKind.Table, "log_index", [(long)index], cancellationToken);
        return rows.Count == 0 ? null : (await MeasurementsAsync(rows, cancellationToken))[0];
    }

    /// <summary>Measurements by period (then series and entry), current only unless asked.</summary>
    public async Task<Page<MeasurementState>> ListMeasurementsAsync(MeasurementQuery filter, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new ProjectionQuery(MeasurementRecordKind.Table)
        {
            OrderBy = filter.Indicator is null ? ["log_index"] : ["period", "series", "log_index"],
            Reversed = filter.Indicator is not null && filter.NewestFirst ? ["period"] : [],
        };
        if (filter.Indicator is { } indicator)
        {
            query = query.WhereEquals("indicator", indicator.Value);
        }

        if (filter.Period is { } period)
        {
            query = query.WhereEquals("period", period.ToString());
        }

        if (filter.Author is { } author)
        {
            query = query.WhereEquals("author", author.Value);
        }

        if (!filter.IncludeSuperseded)
        {
            query = query.WhereEquals("superseded_by", null);
        }

        var total = await Store.CountAsync(query, cancellationToken);
        var rows = await Store.QueryAsync(query with { Offset = paging.Offset, Limit = paging.Limit }, cancellationToken);
        return new Page<MeasurementState>(await MeasurementsAsync(rows, cancellationToken), paging.Offset, paging.Limit, total);
    }

    /// <summary>The attestation logged at <paramref name="index"/>, or null when that entry is not one.</summary>
    public async Task<Logged<AttestationRecord>?> FindAttestationAsync(ulong index, CancellationToken cancellationToken)
    {
        var rows = await Store.FindAsync(AttestationRecordKind.Table, "log_index", [(long)index], cancellationToken);
        return rows.Count == 0 ? null : (await LoggedAsync<AttestationRecord>(rows, cancellationToken))[0];
    }

    public Task<Page<Logged<AttestationRecord>>> ListAttestationsAsync(ulong? measurement, PartyId? author, Verdict? verdict, Paging paging, CancellationToken cancellationToken)
    {
        var query = new ProjectionQuery(AttestationRecordKind.Table) { OrderBy = ["log_index"] };
        if (measurement is { } m)
        {
            query = query.WhereEquals("measurement", (long)m);
        }

        if (author is { } a)
        {
            query = query.WhereEquals("author", a.Value);
        }

        if (verdict is { } v)
        {
            query = query.WhereEquals("verdict", ProjectionNames.Of(v));
        }

        return ListAsync<AttestationRecord>(query, paging, cancellationToken);
    }

    async Task<Logged<T>?> FindByIdAsync<T>(ProjectionTable table, string id, CancellationToken cancellationToken)
        where T : LedgerRecord
    {
        var rows = await Store.FindAsync(table, table.Key.Name, [id], cancellationToken);
        return rows.Count == 0 ? null : (await LoggedAsync<T>(rows, cancellationToken))[0];
    }

    async Task<Page<Logged<T>>> ListAsync<T>(ProjectionQuery query, Paging paging, CancellationToken cancellationToken)
        where T : LedgerRecord
    {
        var total = await Store.CountAsync(query, cancellationToken);
        var rows = await Store.QueryAsync(query with { Offset = paging.Offset, Limit = paging.Limit }, cancellationToken);
        return new Page<Logged<T>>(await LoggedAsync<T>(rows, cancellationToken), paging.Offset, paging.Limit, total);
    }

    // The rows' entries, read back proven, in the rows' order.
    async Task<IReadOnlyList<Logged<T>>> LoggedAsync<T>(IReadOnlyList<ProjectionRow> rows, CancellationToken cancellationToken)
        where T : LedgerRecord
    {
        var indices = rows.Select(r => r.Index("log_index")!.Value).ToList();
        var entries = await ReadEntriesAsync(indices, cancellationToken);
        return [.. indices.Where(entries.ContainsKey).Select(i => entries[i].Record is T ? entries[i].As<T>() : throw Mismatch(i, typeof(T)))];
    }

    // The rows' measurements with their attestations; a correction also with the values it corrected (and theirs),
    // linked through MeasurementState.Corrected, so its history and the disputes it inherited are known.
    async Task<IReadOnlyList<MeasurementState>> MeasurementsAsync(IReadOnlyList<ProjectionRow> rows, CancellationToken cancellationToken)
    {
        var wanted = rows.Select(r => r.Index("log_index")!.Value).ToList();
        var entries = (await ReadEntriesAsync(wanted, cancellationToken)).ToDictionary();
        var all = rows.ToList();
        var corrections = rows.Where(r => entries.TryGetValue(r.Index("log_index")!.Value, out var e) && e.Record is MeasurementRecord { Supersedes: not null })
            .Select(r => r.Text("series")!).Distinct(StringComparer.Ordinal).ToList();
        if (corrections.Count > 0)
        {
            var known = wanted.ToHashSet();
            var series = await Store.FindAsync(MeasurementRecordKind.Table, "series", [.. corrections], cancellationToken);
            all.AddRange(series.Where(r => known.Add(r.Index("log_index")!.Value)));
        }

        var attestations = all.Count == 0 ? [] : await Store.FindAsync(AttestationRecordKind.Table, "measurement", [.. all.Select(r => r.Key)], cancellationToken);
        var more = all.Skip(rows.Count).Select(r => r.Index("log_index")!.Value).Concat(attestations.Select(a => a.Index("log_index")!.Value)).ToList();
        if (more.Count > 0)
        {
            foreach (var (index, entry) in await ReadEntriesAsync(more, cancellationToken))
            {
                entries[index] = entry;
            }
        }
        var attested = attestations.ToLookup(a => a.Index("measurement")!.Value);
        var built = new Dictionary<ulong, MeasurementState>(all.Count);
        foreach (var row in all)
        {
            var index = row.Index("log_index")!.Value;
            if (!entries.TryGetValue(index, out var entry))
            {
                continue;
            }

            var measurement = new MeasurementState(entry.Record as MeasurementRecord ?? throw Mismatch(index, typeof(MeasurementRecord)), index, entry.LeafHash)
            {
                SupersededBy = row.Index("superseded_by"),
            };
            foreach (var attestation in attested[index].Select(a => a.Index("log_index")!.Value).Where(entries.ContainsKey).Order())
            {
                measurement.Attestations.Add(entries[attestation].Record is AttestationRecord ? entries[attestation].As<AttestationRecord>() : throw Mismatch(attestation, typeof(AttestationRecord)));
            }

            built[index] = measurement;
        }

        foreach (var measurement in built.Values)
        {
            if (measurement.Record.Supersedes is { } old && built.TryGetValue(old, out var corrected))
            {
                measurement.Corrected = corrected;
            }
        }

        return [.. wanted.Where(built.ContainsKey).Select(i => built[i])];
    }

    static Transparency.Tiles.LogMismatchException Mismatch(ulong index, Type expected) =>
        new($"the projection lists entry {index} as a {expected.Name}, but the log holds another kind there: run 'outcomes ledger rebuild'");
}
