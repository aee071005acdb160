using System.Collections.Concurrent;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// The domain state the log's entries build, entry by entry in log order. Pure and deterministic: replaying the same
/// log prefix gives the same state. Checking an entry as the next one is generic (envelope, signature by an active key
/// of its author) and then its kind's own (<see cref="RecordKind"/>); applying it is its kind's one change.
/// <para>
/// A state is either complete (replayed from the log: it holds everything, and lists it) or loaded on demand (the
/// sequencer's: it holds every party and key, and otherwise only what the records being checked need, loaded from
/// the projection beforehand by <see cref="StateLoader"/>; it answers lookups, never lists). Both check and apply
/// alike, so a write costs the same whatever the ledger's size.
/// </para>
/// </summary>
public sealed class LedgerState
{
    readonly Dictionary<PartyId, PartyState> _parties = [];
    readonly Dictionary<string, PartyId> _keyOwners = [];

    // Every public key ever registered, by key id, for Prepare on other threads: it only grows, and a key id names
    // one key (its SHA-256), so a lookup racing with Apply can only miss a key, never find a wrong one.
    readonly ConcurrentDictionary<string, byte[]> _publicKeys = new(StringComparer.Ordinal);
    readonly Lookup<AgreementId, Logged<AgreementRecord>> _agreements;
    readonly Lookup<AgreementId, PolicyHistory> _policies;
    readonly Dictionary<AgreementId, Logged<PolicyRecord>> _policyInForce = [];
    readonly Lookup<StatementId, Logged<StatementRecord>> _statements;
    readonly Lookup<CommitmentId, Logged<CommitmentRecord>> _commitments;
    readonly Lookup<IndicatorId, Logged<IndicatorRecord>> _indicators;
    readonly Lookup<ulong, MeasurementState> _measurements;
    readonly Lookup<string, SeriesEntries> _series;
    readonly Lookup<ulong, TermsState> _terms;

    /// <summary>An empty, complete state: apply a log's entries to it in order.</summary>
    public LedgerState()
        : this(loadedOnDemand: false, size: 0)
    {
    }

    LedgerState(bool loadedOnDemand, ulong size)
    {
        IsLoadedOnDemand = loadedOnDemand;
        Size = size;
        _agreements = new(loadedOnDemand, "agreement");
        _policies = new(loadedOnDemand, "policy of agreement");
        _statements = new(loadedOnDemand, "statement");
        _commitments = new(loadedOnDemand, "commitment");
        _indicators = new(loadedOnDemand, "indicator");
        _measurements = new(loadedOnDemand, "measurement");
        _series = new(loadedOnDemand, "series");
        _terms = new(loadedOnDemand, "terms of entry");
    }

    /// <summary>An empty state standing at <paramref name="size"/>, to be filled from the projection (<see cref="StateLoader"/>).</summary>
    internal static LedgerState OnDemand(ulong size) => new(loadedOnDemand: true, size);

    /// <summary>The number of entries applied: the log size this state stands at.</summary>
    public ulong Size { get; private set; }

    /// <summary>Whether this state holds only what was loaded for the records being checked (see the class summary).</summary>
    public bool IsLoadedOnDemand { get; }

    /// <summary>
    /// The latest time any applied record states (its author's <c>recordedAt</c>), or null for an empty state. Known
    /// only for a complete state.
    /// </summary>
    public DateTimeOffset? LatestRecordedAt => IsLoadedOnDemand
        ? throw new InvalidOperationException("a state loaded on demand does not know every record's time")
        : _latestRecordedAt;

    DateTimeOffset? _latestRecordedAt;

    public IReadOnlyDictionary<PartyId, PartyState> Parties => _parties;

    public IReadOnlyDictionary<AgreementId, Logged<AgreementRecord>> Agreements => _agreements.All;

    /// <summary>The policy in force for each agreement.</summary>
    public IReadOnlyDictionary<AgreementId, Logged<PolicyRecord>> Policies => IsLoadedOnDemand
        ? throw new InvalidOperationException("a state loaded on demand does not list every policy; query the projection instead")
        : _policyInForce;

    public IReadOnlyDictionary<StatementId, Logged<StatementRecord>> Statements => _statements.All;

    public IReadOnlyDictionary<CommitmentId, Logged<CommitmentRecord>> Commitments => _commitments.All;

    public IReadOnlyDictionary<IndicatorId, Logged<IndicatorRecord>> Indicators => _indicators.All;

    public IReadOnlyDictionary<ulong, MeasurementState> Measurements => _measurements.All;

    /// <summary>Where the terms of every commitment, indicator and policy stand, by the log index of the entry proposing them.</summary>
    public IReadOnlyDictionary<ulong, TermsState> Terms => _terms.All;

    public PartyState? FindParty(PartyId id) => _parties.GetValueOrDefault(id);

    /// <summary>The terms entry <paramref name="index"/> proposed, or null when it is not a commitment, an indicator or a policy.</summary>
    public TermsState? FindTerms(ulong index) => _terms.Find(index);

    /// <summary>The party a key (by key id) was ever registered to, or null.</summary>
    public PartyId? FindKeyOwner(string keyId) => _keyOwners.TryGetValue(keyId, out var owner) ? owner : null;

    public Logged<AgreementRecord>? FindAgreement(AgreementId id) => _agreements.Find(id);

    /// <summary>The policy in force for an agreement: the latest logged for it, or null.</summary>
    public Logged<PolicyRecord>? FindPolicy(AgreementId id) => _policies.Find(id)?.InForce;

    /// <summary>Every policy logged for an agreement, or null when none was.</summary>
    public PolicyHistory? FindPolicies(AgreementId id) => _policies.Find(id);

    public Logged<StatementRecord>? FindStatement(StatementId id) => _statements.Find(id);

    public Logged<CommitmentRecord>? FindCommitment(CommitmentId id) => _commitments.Find(id);

    public Logged<IndicatorRecord>? FindIndicator(IndicatorId id) => _indicators.Find(id);

    public MeasurementState? FindMeasurement(ulong index) => _measurements.Find(index);

    /// <summary>Every measurement of a series (<see cref="MeasurementState.Key"/>), or null when it has none.</summary>
    public SeriesEntries? FindSeries(string seriesKey) => _series.Find(seriesKey);

    /// <summary>The current (not superseded) measurement for a series key, if any.</summary>
    public MeasurementState? CurrentMeasurement(string seriesKey) =>
        _series.Find(seriesKey)?.Current is { } index ? _measurements.Find(index) : null;

    /// <summary>The current (not superseded) measurement of the series <paramref name="like"/> belongs to, if any.</summary>
    public MeasurementState? CurrentMeasurement(MeasurementRecord like) => CurrentMeasurement(MeasurementState.Key(like));

    /// <summary>
    /// Opens and checks an entry as the next one of the log: envelope, schema, signature by an active key of the
    /// author, the author's right to make it, references and domain rules. Every problem is returned, each naming its field.
    /// </summary>
    public EntryCheck Check(ReadOnlySpan<byte> leaf) => Check(PreparedEntry.Open(leaf));

    /// <summary>
    /// Checks an entry that is already in the log as the next one of a replay (<c>log verify</c>, a recheck, a
    /// scorecard's recomputation): as <see cref="Check(ReadOnlySpan{byte})"/>, except for the rules that apply only to
    /// entries recorded from the version that added them on (<see cref="RuleContext.Recording"/>), so that every log an
    /// earlier version wrote still verifies.
    /// </summary>
    public EntryCheck CheckLogged(ReadOnlySpan<byte> leaf) => Check(PreparedEntry.Open(leaf), recording: false);

    /// <summary>
    /// The work of <see cref="Check(ReadOnlySpan{byte})"/> that does not depend on entries before this one, done ahead:
    /// the entry opened and its signature verified with the key registered under the signature's key id, if any.
    /// Thread-safe at any time, also while entries are applied, so submitters prepare their own entries concurrently
    /// and the sequencer only checks them in order with <see cref="Check(PreparedEntry)"/>, which decides whose key it
    /// is and whether it was revoked at that position, and verifies again if the key it finds is not the one used here.
    /// </summary>
    public PreparedEntry Prepare(ReadOnlySpan<byte> leaf)
    {
        var prepared = PreparedEntry.Open(leaf);
        if (prepared.Envelope is { Signatures: [var signature] } envelope && _publicKeys.TryGetValue(signature.KeyId, out var publicKey))
        {
            prepared.Verified(publicKey, EntryCodec.VerifySignature(envelope, signature, publicKey));
        }

        return prepared;
    }

    /// <summary>
    /// Checks a prepared entry as the next one of the log, exactly as <see cref="Check(ReadOnlySpan{byte})"/> does: the
    /// signing key is looked up (and its revocation checked) in this state as it stands now; the signature is verified
    /// again unless it was verified ahead with that same key.
    /// </summary>
    public EntryCheck Check(PreparedEntry prepared) => Check(prepared, recording: true);

    EntryCheck Check(PreparedEntry prepared, bool recording)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Error is { } error)
        {
            return EntryCheck.Rejected([new ValidationError(FieldOf(error), error)]);
        }

        var errors = new List<ValidationError>();
        var author = CheckSignature(prepared, errors);
        if (errors.Count == 0)
        {
            var record = prepared.Record!;
            RecordKinds.Of(record).CheckRecord(record, new RuleContext(this, author, errors, recording));
        }

        return errors.Count == 0 ? EntryCheck.Accepted(prepared.Record!) : EntryCheck.Rejected(errors);
    }

    /// <summary>Applies a checked record as entry <see cref="Size"/>.</summary>
    public void Apply(LedgerRecord record, Hash leafHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        RecordKinds.Of(record).ApplyRecord(record, Size, leafHash, this);
        if (_latestRecordedAt is not { } latest || record.RecordedAt > latest)
        {
            _latestRecordedAt = record.RecordedAt;
        }

        Size++;
    }

    /// <summary>
    /// The entry already logged with exactly these bytes (<paramref name="leafHash"/>), if any: the candidates are the
    /// entries an identical record would be (its id's entry, its series' values, its measurement's attestations…).
    /// </summary>
    public ulong? FindDuplicate(LedgerRecord record, Hash leafHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var (index, hash) in RecordKinds.Of(record).CandidatesOf(record, this))
        {
            if (hash == leafHash)
            {
                return index;
            }
        }

        return null;
    }

    internal void AddParty(PartyState party) => _parties[party.Id] = party;

    internal void AddKey(PartyState party, string keyId, byte[] publicKey, ulong addedAt)
    {
        party.Keys[keyId] = publicKey;
        party.AddedAt[keyId] = addedAt;
        _keyOwners[keyId] = party.Id;
        _publicKeys[keyId] = publicKey;
    }

    internal void AddAgreement(Logged<AgreementRecord> agreement) => _agreements.Add(agreement.Record.Id, agreement);

    internal void AddPolicy(Logged<PolicyRecord> policy)
    {
        var agreement = policy.Record.Agreement;
        // Loading a policy (its agreement not resolved yet) and applying one (resolved) both land here.
        var history = (_policies.Holds(agreement) ? _policies.Find(agreement) : null) ?? new PolicyHistory();
        history.Add(policy);
        _policies.Add(agreement, history);
        _policyInForce[agreement] = history.InForce;
    }

    internal void AddStatement(Logged<StatementRecord> statement) => _statements.Add(statement.Record.Id, statement);

    internal void AddCommitment(Logged<CommitmentRecord> commitment) => _commitments.Add(commitment.Record.Id, commitment);

    internal void AddIndicator(Logged<IndicatorRecord> indicator) => _indicators.Add(indicator.Record.Id, indicator);

    internal void AddTerms(TermsState terms) => _terms.Add(terms.Index, terms);

    /// <summary>Applies a new measurement: it becomes its series' current value, and the one it supersedes is marked so.</summary>
    internal void AddMeasurement(MeasurementState measurement)
    {
        _measurements.Add(measurement.Index, measurement);
        if (measurement.Record.Supersedes is { } old)
        {
            var corrected = _measurements.Find(old)!;
            corrected.SupersededBy = measurement.Index;
            measurement.Corrected = corrected;
        }

        AddToSeries(measurement);
    }

    /// <summary>Loads a logged measurement (with its supersession and attestations already set) into a state loaded on demand.</summary>
    internal void LoadMeasurement(MeasurementState measurement)
    {
        if (!_measurements.Holds(measurement.Index))
        {
            _measurements.Add(measurement.Index, measurement);
        }
    }

    internal void LoadSeries(string seriesKey, IEnumerable<MeasurementState> members)
    {
        var series = new SeriesEntries();
        foreach (var member in members)
        {
            // A measurement this state already holds may have changed since it was written (superseded in this batch).
            LoadMeasurement(member);
            var held = _measurements.Find(member.Index)!;
            series.Add(held.Index, held.SupersededBy is null);
        }

        // Link each correction to the value it corrected, so a value's history reads back through its series.
        foreach (var index in series.Members)
        {
            var held = _measurements.Find(index)!;
            if (held.Corrected is null && held.Record.Supersedes is { } old && _measurements.Holds(old))
            {
                held.Corrected = _measurements.Find(old);
            }
        }

        _series.Add(seriesKey, series);
    }

    /// <summary>
    /// The next step of the context the rules read around what <paramref name="needs"/> names, from what this state
    /// holds so far: a needed measurement's whole series (its history) and indicator; a needed indicator's commitment; a
    /// needed commitment's agreement and its policies (the attestation rules read which verifiers the policy names).
    /// The loader asks until nothing new is needed, each round one step further along the chain.
    /// </summary>
    internal StateNeeds ContextNeeds(StateNeeds needs)
    {
        var more = new StateNeeds();
        var indicators = new HashSet<IndicatorId>(needs.Indicators);
        var commitments = new HashSet<CommitmentId>(needs.Commitments);
        foreach (var index in needs.Measurements.Where(_measurements.Holds))
        {
            var measurement = _measurements.Find(index)!;
            more.SeriesOf(measurement.SeriesKey);
            more.Indicator(measurement.Record.Indicator);
            indicators.Add(measurement.Record.Indicator);
        }

        foreach (var id in indicators.Where(_indicators.Holds))
        {
            var commitment = _indicators.Find(id)!.Record.Commitment;
            more.Commitment(commitment);
            commitments.Add(commitment);
        }

        foreach (var id in commitments.Where(_commitments.Holds))
        {
            more.PoliciesOf(_commitments.Find(id)!.Record.Agreement);
        }

        return Unresolved(more);
    }

    void AddToSeries(MeasurementState measurement)
    {
        var series = _series.Find(measurement.SeriesKey) ?? new SeriesEntries();
        series.Add(measurement.Index, current: true);
        _series.Add(measurement.SeriesKey, series);
    }

    internal void MarkAbsent(StateNeeds needs)
    {
        foreach (var id in needs.Agreements.Where(id => !_agreements.IsResolved(id)))
        {
            _agreements.MarkAbsent(id);
        }

        foreach (var id in needs.Policies.Where(id => !_policies.IsResolved(id)))
        {
            _policies.MarkAbsent(id);
        }

        foreach (var id in needs.Statements.Where(id => !_statements.IsResolved(id)))
        {
            _statements.MarkAbsent(id);
        }

        foreach (var id in needs.Commitments.Where(id => !_commitments.IsResolved(id)))
        {
            _commitments.MarkAbsent(id);
        }

        foreach (var id in needs.Indicators.Where(id => !_indicators.IsResolved(id)))
        {
            _indicators.MarkAbsent(id);
        }

        foreach (var index in needs.Measurements.Where(i => !_measurements.IsResolved(i)))
        {
            _measurements.MarkAbsent(index);
        }

        foreach (var key in needs.Series.Where(k => !_series.IsResolved(k)))
        {
            _series.MarkAbsent(key);
        }

        foreach (var index in needs.TermsEntries.Where(i => !_terms.IsResolved(i)))
        {
            _terms.MarkAbsent(index);
        }
    }

    /// <summary>The needs not yet resolved in a state loaded on demand: what the loader must query.</summary>
    internal StateNeeds Unresolved(StateNeeds needs)
    {
        var unresolved = new StateNeeds();
        unresolved.Agreements.UnionWith(needs.Agreements.Where(id => !_agreements.IsResolved(id)));
        unresolved.Policies.UnionWith(needs.Policies.Where(id => !_policies.IsResolved(id)));
        unresolved.Statements.UnionWith(needs.Statements.Where(id => !_statements.IsResolved(id)));
        unresolved.Commitments.UnionWith(needs.Commitments.Where(id => !_commitments.IsResolved(id)));
        unresolved.Indicators.UnionWith(needs.Indicators.Where(id => !_indicators.IsResolved(id)));
        unresolved.Measurements.UnionWith(needs.Measurements.Where(i => !_measurements.IsResolved(i)));
        unresolved.Series.UnionWith(needs.Series.Where(k => !_series.IsResolved(k)));
        unresolved.TermsEntries.UnionWith(needs.TermsEntries.Where(i => !_terms.IsResolved(i)));
        return unresolved;
    }

    /// <summary>
    /// Drops what a state loaded on demand loaded besides the parties and their keys: it is loaded again when needed,
    /// so what a long-running writer holds between batches does not grow with the ledger.
    /// </summary>
    internal void ForgetLoaded()
    {
        if (IsLoadedOnDemand)
        {
            _agreements.Clear();
            _policies.Clear();
            _policyInForce.Clear();
            _statements.Clear();
            _commitments.Clear();
            _indicators.Clear();
            _measurements.Clear();
            _series.Clear();
            _terms.Clear();
        }
    }

    static string FieldOf(string error)
    {
        var colon = error.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && !error[..colon].Contains(' ', StringComparison.Ordinal) ? error[..colon] : "entry";
    }

    // The generic part of every check: one signature, by an active key of the author (for the genesis entry, a key it registers).
    PartyState? CheckSignature(PreparedEntry prepared, List<ValidationError> errors)
    {
        var envelope = prepared.Envelope!;
        var record = prepared.Record!;
        if (envelope.Signatures.Count != 1)
        {
            errors.Add(new("signatures", "an entry carries exactly one signature, its author's"));
            return null;
        }

        var signature = envelope.Signatures[0];
        byte[]? publicKey;
        PartyState? author = null;
        if (Size == 0)
        {
            // Genesis: the operator registers itself and signs with a key it lists.
            if (record is not PartyRecord { Role: PartyRole.Operator } genesis || genesis.Id != genesis.Author)
            {
                errors.Add(new("kind", "the first entry of a ledger registers its operator (a party record with role operator, authored by itself)"));
                return null;
            }

            publicKey = genesis.Keys.Select(RuleContext.TryDecodeKey).FirstOrDefault(k => k is not null && EntryKeyId.Of(k) == signature.KeyId);
            if (publicKey is null)
            {
                errors.Add(new("signatures[0].keyid", "the genesis entry must be signed by one of the keys it registers"));
                return null;
            }
        }
        else
        {
            author = FindParty(record.Author);
            if (author is null)
            {
                errors.Add(new("author", $"party '{record.Author}' is not registered"));
                return null;
            }

            if (!author.Keys.TryGetValue(signature.KeyId, out publicKey))
            {
                errors.Add(new("signatures[0].keyid", $"key {signature.KeyId} is not a key of party '{record.Author}'"));
                return null;
            }

            if (author.RevokedAt.TryGetValue(signature.KeyId, out var revokedAt))
            {
                errors.Add(new("signatures[0].keyid", $"key {signature.KeyId} of party '{record.Author}' was revoked at entry {revokedAt}"));
                return null;
            }
        }

        if (!prepared.SignatureVerifies(publicKey))
        {
            errors.Add(new("signatures[0].sig", $"the signature does not verify with key {signature.KeyId}"));
        }

        return author;
    }
}
