using System.Collections.Concurrent;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Transparency;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// The domain state the log's entries build, entry by entry in log order. Pure and deterministic: replaying the same
/// log prefix gives the same state. Checking an entry as the next one is generic (envelope, signature by an active key
/// of its author) and then its kind's own (<see cref="RecordKind"/>); applying it is its kind's one change.
/// </summary>
public sealed class LedgerState
{
    readonly Dictionary<PartyId, PartyState> _parties = [];
    readonly Dictionary<string, PartyId> _keyOwners = [];

    // Every public key ever registered, by key id, for Prepare on other threads: it only grows, and a key id names
    // one key (its SHA-256), so a lookup racing with Apply can only miss a key, never find a wrong one.
    readonly ConcurrentDictionary<string, byte[]> _publicKeys = new(StringComparer.Ordinal);
    readonly Dictionary<AgreementId, Logged<AgreementRecord>> _agreements = [];
    readonly Dictionary<AgreementId, Logged<PolicyRecord>> _policies = [];
    readonly Dictionary<StatementId, Logged<StatementRecord>> _statements = [];
    readonly Dictionary<CommitmentId, Logged<CommitmentRecord>> _commitments = [];
    readonly Dictionary<IndicatorId, Logged<IndicatorRecord>> _indicators = [];
    readonly Dictionary<ulong, MeasurementState> _measurements = [];
    readonly Dictionary<string, ulong> _currentBySeries = [];

    /// <summary>The number of entries applied: the log size this state stands at.</summary>
    public ulong Size { get; private set; }

    /// <summary>The latest time any applied record states (its author's <c>recordedAt</c>), or null for an empty state.</summary>
    public DateTimeOffset? LatestRecordedAt { get; private set; }

    public IReadOnlyDictionary<PartyId, PartyState> Parties => _parties;

    public IReadOnlyDictionary<AgreementId, Logged<AgreementRecord>> Agreements => _agreements;

    public IReadOnlyDictionary<AgreementId, Logged<PolicyRecord>> Policies => _policies;

    public IReadOnlyDictionary<StatementId, Logged<StatementRecord>> Statements => _statements;

    public IReadOnlyDictionary<CommitmentId, Logged<CommitmentRecord>> Commitments => _commitments;

    public IReadOnlyDictionary<IndicatorId, Logged<IndicatorRecord>> Indicators => _indicators;

    public IReadOnlyDictionary<ulong, MeasurementState> Measurements => _measurements;

    public PartyState? FindParty(PartyId id) => _parties.GetValueOrDefault(id);

    /// <summary>The party a key (by key id) was ever registered to, or null.</summary>
    public PartyId? FindKeyOwner(string keyId) => _keyOwners.TryGetValue(keyId, out var owner) ? owner : null;

    public Logged<AgreementRecord>? FindAgreement(AgreementId id) => _agreements.GetValueOrDefault(id);

    /// <summary>The policy in force for an agreement: the latest logged for it, or null.</summary>
    public Logged<PolicyRecord>? FindPolicy(AgreementId id) => _policies.GetValueOrDefault(id);

    public Logged<StatementRecord>? FindStatement(StatementId id) => _statements.GetValueOrDefault(id);

    public Logged<CommitmentRecord>? FindCommitment(CommitmentId id) => _commitments.GetValueOrDefault(id);

    public Logged<IndicatorRecord>? FindIndicator(IndicatorId id) => _indicators.GetValueOrDefault(id);

    public MeasurementState? FindMeasurement(ulong index) => _measurements.GetValueOrDefault(index);

    /// <summary>The current (not superseded) measurement for a series key, if any.</summary>
    public MeasurementState? CurrentMeasurement(string seriesKey) =>
        _currentBySeries.TryGetValue(seriesKey, out var index) ? _measurements[index] : null;

    /// <summary>The current (not superseded) measurement of the series <paramref name="like"/> belongs to, if any.</summary>
    public MeasurementState? CurrentMeasurement(MeasurementRecord like) => CurrentMeasurement(MeasurementState.Key(like));

    /// <summary>
    /// Opens and checks an entry as the next one of the log: envelope, schema, signature by an active key of the
    /// author, the author's right to make it, references and domain rules. Every problem is returned, each naming its field.
    /// </summary>
    public EntryCheck Check(ReadOnlySpan<byte> leaf) => Check(PreparedEntry.Open(leaf));

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
    public EntryCheck Check(PreparedEntry prepared)
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
            RecordKinds.Of(record).CheckRecord(record, new RuleContext(this, author, errors));
        }

        return errors.Count == 0 ? EntryCheck.Accepted(prepared.Record!) : EntryCheck.Rejected(errors);
    }

    /// <summary>Applies a checked record as entry <see cref="Size"/>.</summary>
    public void Apply(LedgerRecord record, Hash leafHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        RecordKinds.Of(record).ApplyRecord(record, Size, leafHash, this);
        if (LatestRecordedAt is not { } latest || record.RecordedAt > latest)
        {
            LatestRecordedAt = record.RecordedAt;
        }

        Size++;
    }

    internal void AddParty(PartyState party) => _parties[party.Id] = party;

    internal void AddKey(PartyState party, string keyId, byte[] publicKey)
    {
        party.Keys[keyId] = publicKey;
        _keyOwners[keyId] = party.Id;
        _publicKeys[keyId] = publicKey;
    }

    internal void AddAgreement(Logged<AgreementRecord> agreement) => _agreements[agreement.Record.Id] = agreement;

    internal void SetPolicy(Logged<PolicyRecord> policy) => _policies[policy.Record.Agreement] = policy;

    internal void AddStatement(Logged<StatementRecord> statement) => _statements[statement.Record.Id] = statement;

    internal void AddCommitment(Logged<CommitmentRecord> commitment) => _commitments[commitment.Record.Id] = commitment;

    internal void AddIndicator(Logged<IndicatorRecord> indicator) => _indicators[indicator.Record.Id] = indicator;

    internal void AddMeasurement(MeasurementState measurement)
    {
        _measurements[measurement.Index] = measurement;
        if (measurement.Record.Supersedes is { } old)
        {
            _measurements[old].SupersededBy = measurement.Index;
        }

        _currentBySeries[measurement.SeriesKey] = measurement.Index;
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
