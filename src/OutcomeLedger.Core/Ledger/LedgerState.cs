using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Transparency;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// The domain state the log's entries build, entry by entry in log order, and the rules an entry must satisfy to be
/// logged at all. Pure and deterministic: replaying the same log prefix gives the same state. The sequencer checks
/// each entry against the state as it stands at that entry's position.
/// </summary>
public sealed partial class LedgerState
{
    const int MaxText = 4000;
    const int MaxShortText = 300;
    const int MaxItems = 64;

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

    public IReadOnlyDictionary<PartyId, PartyState> Parties => _parties;

    public IReadOnlyDictionary<AgreementId, Logged<AgreementRecord>> Agreements => _agreements;

    public IReadOnlyDictionary<AgreementId, Logged<PolicyRecord>> Policies => _policies;

    public IReadOnlyDictionary<StatementId, Logged<StatementRecord>> Statements => _statements;

    public IReadOnlyDictionary<CommitmentId, Logged<CommitmentRecord>> Commitments => _commitments;

    public IReadOnlyDictionary<IndicatorId, Logged<IndicatorRecord>> Indicators => _indicators;

    public IReadOnlyDictionary<ulong, MeasurementState> Measurements => _measurements;

    /// <summary>The current (not superseded) measurement for a series key, if any.</summary>
    public MeasurementState? CurrentMeasurement(MeasurementRecord like) =>
        _currentBySeries.TryGetValue(MeasurementState.Key(like), out var index) ? _measurements[index] : null;

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
        CheckSignature(prepared, errors);
        if (errors.Count == 0)
        {
            CheckRecord(prepared.Record!, errors);
        }

        return errors.Count == 0 ? EntryCheck.Accepted(prepared.Record!) : EntryCheck.Rejected(errors);
    }

    /// <summary>Applies a checked record as entry <see cref="Size"/>.</summary>
    public void Apply(LedgerRecord record, Hash leafHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        var index = Size;
        switch (record)
        {
            case PartyRecord party:
                var state = new PartyState(party, index);
                foreach (var key in party.Keys)
                {
                    var raw = Convert.FromBase64String(key);
                    var id = EntryKeyId.Of(raw);
                    state.Keys[id] = raw;
                    _keyOwners[id] = party.Id;
                    _publicKeys[id] = raw;
                }

                _parties[party.Id] = state;
                break;
            case KeyRecord key:
                var bytes = Convert.FromBase64String(key.PublicKey);
                var keyId = EntryKeyId.Of(bytes);
                if (key.Action == KeyAction.Add)
                {
                    _parties[key.Party].Keys[keyId] = bytes;
                    _keyOwners[keyId] = key.Party;
                    _publicKeys[keyId] = bytes;
                }
                else
                {
                    _parties[key.Party].RevokedAt[keyId] = index;
                }

                break;
            case AgreementRecord agreement:
                _agreements[agreement.Id] = new(agreement, index, leafHash);
                break;
            case PolicyRecord policy:
                _policies[policy.Agreement] = new(policy, index, leafHash);
                break;
            case StatementRecord statement:
                _statements[statement.Id] = new(statement, index, leafHash);
                break;
            case CommitmentRecord commitment:
                _commitments[commitment.Id] = new(commitment, index, leafHash);
                break;
            case IndicatorRecord indicator:
                _indicators[indicator.Id] = new(indicator, index, leafHash);
                break;
            case MeasurementRecord measurement:
                var m = new MeasurementState(measurement, index, leafHash);
                _measurements[index] = m;
                if (measurement.Supersedes is { } old)
                {
                    _measurements[old].SupersededBy = index;
                }

                _currentBySeries[m.SeriesKey] = index;
                break;
            case AttestationRecord attestation:
                _measurements[attestation.Measurement].Attestations.Add(new(attestation, index, leafHash));
                break;
            default:
                throw new ArgumentException($"unknown record kind {record.Kind}", nameof(record));
        }

        Size++;
    }

    static string FieldOf(string error)
    {
        var colon = error.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && !error[..colon].Contains(' ', StringComparison.Ordinal) ? error[..colon] : "entry";
    }

    void CheckSignature(PreparedEntry prepared, List<ValidationError> errors)
    {
        var envelope = prepared.Envelope!;
        var record = prepared.Record!;
        if (envelope.Signatures.Count != 1)
        {
            errors.Add(new("signatures", "an entry carries exactly one signature, its author's"));
            return;
        }

        var signature = envelope.Signatures[0];
        byte[]? publicKey = null;
        if (Size == 0)
        {
            // Genesis: the operator registers itself and signs with a key it lists.
            if (record is not PartyRecord { Role: PartyRole.Operator } genesis || genesis.Id != genesis.Author)
            {
                errors.Add(new("kind", "the first entry of a ledger registers its operator (a party record with role operator, authored by itself)"));
                return;
            }

            publicKey = genesis.Keys.Select(TryDecodeKey).FirstOrDefault(k => k is not null && EntryKeyId.Of(k) == signature.KeyId);
            if (publicKey is null)
            {
                errors.Add(new("signatures[0].keyid", "the genesis entry must be signed by one of the keys it registers"));
                return;
            }
        }
        else
        {
            if (!_parties.TryGetValue(record.Author, out var author))
            {
                errors.Add(new("author", $"party '{record.Author}' is not registered"));
                return;
            }

            if (!author.Keys.TryGetValue(signature.KeyId, out publicKey))
            {
                errors.Add(new("signatures[0].keyid", $"key {signature.KeyId} is not a key of party '{record.Author}'"));
                return;
            }

            if (author.RevokedAt.TryGetValue(signature.KeyId, out var revokedAt))
            {
                errors.Add(new("signatures[0].keyid", $"key {signature.KeyId} of party '{record.Author}' was revoked at entry {revokedAt}"));
                return;
            }
        }

        if (!prepared.SignatureVerifies(publicKey))
        {
            errors.Add(new("signatures[0].sig", $"the signature does not verify with key {signature.KeyId}"));
        }
    }

    void CheckRecord(LedgerRecord record, List<ValidationError> errors)
    {
        var author = Size == 0 ? null : _parties[record.Author];
        switch (record)
        {
            case PartyRecord party:
                CheckParty(party, author, errors);
                break;
            case KeyRecord key:
                CheckKey(key, author!, errors);
                break;
            case AgreementRecord agreement:
                RequireOperator(author!, "an agreement", errors);
                Slug("id", agreement.Id.Value, errors);
                if (_agreements.ContainsKey(agreement.Id))
                {
                    errors.Add(new("id", $"agreement '{agreement.Id}' already exists"));
                }

                Text("title", agreement.Title, MaxShortText, errors);
                Items("parties", agreement.Parties, errors);
                foreach (var (p, i) in agreement.Parties.Select((p, i) => (p, i)))
                {
                    if (!_parties.ContainsKey(p))
                    {
                        errors.Add(new($"parties[{i}]", $"party '{p}' is not registered"));
                    }
                }

                break;
            case PolicyRecord policy:
                RequireOperator(author!, "an evaluation policy", errors);
                RequireAgreement("agreement", policy.Agreement, errors);
                CheckPolicy(policy.Policy, errors);
                break;
            case StatementRecord statement:
                CheckStatement(statement, errors);
                break;
            case CommitmentRecord commitment:
                CheckCommitment(commitment, author!, errors);
                break;
            case IndicatorRecord indicator:
                CheckIndicator(indicator, author!, errors);
                break;
            case MeasurementRecord measurement:
                CheckMeasurement(measurement, errors);
                break;
            case AttestationRecord attestation:
                CheckAttestation(attestation, author!, errors);
                break;
        }
    }

    void CheckParty(PartyRecord party, PartyState? author, List<ValidationError> errors)
    {
        if (author is not null)
        {
            RequireOperator(author, "a party", errors);
        }

        Slug("id", party.Id.Value, errors);
        if (_parties.ContainsKey(party.Id))
        {
            errors.Add(new("id", $"party '{party.Id}' is already registered; keys change with key records"));
        }

        if (author is not null && party.Role == PartyRole.Operator)
        {
            errors.Add(new("role", "a ledger has one operator, registered by its first entry"));
        }

        Text("name", party.Name, MaxShortText, errors);
        if (party.Keys.Count is 0 or > 8)
        {
            errors.Add(new("keys", "a party registers between 1 and 8 public keys"));
        }

        for (var i = 0; i < party.Keys.Count; i++)
        {
            if (TryDecodeKey(party.Keys[i]) is not { } raw)
            {
                errors.Add(new($"keys[{i}]", "not a base64 Ed25519 public key of 32 bytes"));
            }
            else if (_keyOwners.TryGetValue(EntryKeyId.Of(raw), out var owner))
            {
                errors.Add(new($"keys[{i}]", $"this key already belongs to party '{owner}'"));
            }
        }
    }

    void CheckKey(KeyRecord key, PartyState author, List<ValidationError> errors)
    {
        if (!_parties.TryGetValue(key.Party, out var party))
        {
            errors.Add(new("party", $"party '{key.Party}' is not registered"));
            return;
        }

        if (author.Id != key.Party && author.Role != PartyRole.Operator)
        {
            errors.Add(new("party", $"party '{author.Id}' cannot change the keys of party '{key.Party}'"));
        }

        if (TryDecodeKey(key.PublicKey) is not { } raw)
        {
            errors.Add(new("publicKey", "not a base64 Ed25519 public key of 32 bytes"));
            return;
        }

        var keyId = EntryKeyId.Of(raw);
        if (key.Action == KeyAction.Add && _keyOwners.TryGetValue(keyId, out var owner))
        {
            errors.Add(new("publicKey", $"this key already belongs to party '{owner}'"));
        }

        if (key.Action == KeyAction.Revoke)
        {
            if (!party.HasActiveKey(keyId))
            {
                errors.Add(new("publicKey", $"key {keyId} is not an active key of party '{key.Party}'"));
            }
            else if (party.Keys.Keys.Count(party.HasActiveKey) == 1)
            {
                errors.Add(new("publicKey", $"revoking key {keyId} would leave party '{key.Party}' without an active key; add its successor first"));
            }
        }
    }

    static void CheckPolicy(EvaluationPolicy policy, List<ValidationError> errors)
    {
        string[] statuses = ["self-reported", "acknowledged", "disputed", "verified", "verification-failed", "resolved"];
        foreach (var (list, name) in new[] { (policy.CountsTowardMet, "policy.countsTowardMet"), (policy.CountsTowardTrend, "policy.countsTowardTrend") })
        {
            foreach (var status in list.Where(s => !statuses.Contains(s)))
            {
                errors.Add(new(name, $"'{status}' is not a verification status ({string.Join(", ", statuses)})"));
            }
        }

        if (policy.MinVerifiedShare is < 0 or > 1)
        {
            errors.Add(new("policy.minVerifiedShare", "must be between 0 and 1"));
        }

        if (policy.SignificantChange is <= 0 or > 1)
        {
            errors.Add(new("policy.significantChange", "must be above 0 and at most 1"));
        }

        if (policy.MinPeriodsBefore is < 3 or > 240 || policy.MinPeriodsAfter is < 1 or > 240)
        {
            errors.Add(new("policy.minPeriodsBefore", "minimum series lengths must be 3..240 before and 1..240 after"));
        }

        if (policy.ConfidenceLevel is not (0.8m or 0.9m or 0.95m or 0.99m))
        {
            errors.Add(new("policy.confidenceLevel", "must be 0.8, 0.9, 0.95 or 0.99"));
        }

        if (policy.Rollup is not ("worst" or "all-met"))
        {
            errors.Add(new("policy.rollup", "must be 'worst' or 'all-met'"));
        }
    }

    void CheckStatement(StatementRecord statement, List<ValidationError> errors)
    {
        Slug("id", statement.Id.Value, errors);
        if (_statements.ContainsKey(statement.Id))
        {
            errors.Add(new("id", $"statement '{statement.Id}' already exists"));
        }

        Text("title", statement.Title, MaxShortText, errors);
        if (statement.Speaker is not null)
        {
            Text("speaker", statement.Speaker, MaxShortText, errors);
        }

        Items("parties", statement.Parties, errors);
        for (var i = 0; i < statement.Parties.Count; i++)
        {
            if (!_parties.ContainsKey(statement.Parties[i]))
            {
                errors.Add(new($"parties[{i}]", $"party '{statement.Parties[i]}' is not registered"));
            }
        }

        Url("sourceUrl", statement.SourceUrl, errors);
        if (statement.SourceSha256 is not null)
        {
            Sha256("sourceSha256", statement.SourceSha256, errors);
        }

        if (statement.Quotes.Count > 20)
        {
            errors.Add(new("quotes", "at most 20 quotes; quote briefly and link the source"));
        }

        for (var i = 0; i < statement.Quotes.Count; i++)
        {
            Text($"quotes[{i}].text", statement.Quotes[i].Text, MaxText, errors);
            if (!LanguageTag().IsMatch(statement.Quotes[i].Lang))
            {
                errors.Add(new($"quotes[{i}].lang", $"'{statement.Quotes[i].Lang}' is not a language tag such as en or es-MX"));
            }
        }
    }

    void CheckCommitment(CommitmentRecord commitment, PartyState author, List<ValidationError> errors)
    {
        Slug("id", commitment.Id.Value, errors);
        if (_commitments.ContainsKey(commitment.Id))
        {
            errors.Add(new("id", $"commitment '{commitment.Id}' already exists"));
        }

        if (RequireAgreement("agreement", commitment.Agreement, errors) is { } agreement)
        {
            RequireMemberOrOperator(author, agreement.Record, "a commitment", errors);
            for (var i = 0; i < commitment.ResponsibleParties.Count; i++)
            {
                if (!agreement.Record.Parties.Contains(commitment.ResponsibleParties[i]))
                {
                    errors.Add(new($"responsibleParties[{i}]", $"party '{commitment.ResponsibleParties[i]}' is not a party to agreement '{commitment.Agreement}'"));
                }
            }
        }

        Text("text", commitment.Text, MaxText, errors);
        Items("responsibleParties", commitment.ResponsibleParties, errors);
        Items("statements", commitment.Statements, errors);
        var dates = new List<DateOnly>();
        for (var i = 0; i < commitment.Statements.Count; i++)
        {
            if (!_statements.TryGetValue(commitment.Statements[i], out var statement))
            {
                errors.Add(new($"statements[{i}]", $"statement '{commitment.Statements[i]}' does not exist"));
            }
            else
            {
                dates.Add(statement.Record.Date);
            }
        }

        // Later statements may repeat a commitment; it cannot have been made before anyone said it.
        if (dates.Count > 0 && dates.Min() > commitment.MadeOn)
        {
            errors.Add(new("madeOn", $"the commitment is dated {commitment.MadeOn:yyyy-MM-dd}, before the first statement that makes it ({dates.Min():yyyy-MM-dd})"));
        }

        if (commitment.DueDate is { } due && due < commitment.MadeOn)
        {
            errors.Add(new("dueDate", "the due date is before the commitment was made"));
        }
    }

    void CheckIndicator(IndicatorRecord indicator, PartyState author, List<ValidationError> errors)
    {
        Slug("id", indicator.Id.Value, errors);
        if (_indicators.ContainsKey(indicator.Id))
        {
            errors.Add(new("id", $"indicator '{indicator.Id}' already exists"));
        }

        if (!_commitments.TryGetValue(indicator.Commitment, out var commitment))
        {
            errors.Add(new("commitment", $"commitment '{indicator.Commitment}' does not exist"));
        }
        else
        {
            var agreement = _agreements[commitment.Record.Agreement].Record;
            RequireMemberOrOperator(author, agreement, "an indicator", errors);
            if (!agreement.Parties.Contains(indicator.Reporter) && !(_parties.TryGetValue(indicator.Reporter, out var reporter) && reporter.Role == PartyRole.Verifier))
            {
                errors.Add(new("reporter", $"party '{indicator.Reporter}' is neither a party to agreement '{agreement.Id}' nor a registered verifier"));
            }
        }

        Text("name", indicator.Name, MaxShortText, errors);
        Text("unit", indicator.Unit, 40, errors);
        Text("dataSource", indicator.DataSource, MaxText, errors);
        if (indicator.VerificationProtocol is not null)
        {
            Text("verificationProtocol", indicator.VerificationProtocol, MaxText, errors);
        }

        if (indicator.Caveat is not null)
        {
            Text("caveat", indicator.Caveat, MaxText, errors);
        }

        if (indicator.MeasureType == MeasureType.Percent && indicator.Unit != "%")
        {
            errors.Add(new("unit", "a percent indicator has unit '%'"));
        }

        if (indicator.MeasureType != MeasureType.Percent && indicator.Unit == "%")
        {
            errors.Add(new("measureType", "unit '%' needs measure type percent"));
        }

        if (indicator.Dimensions.Count > 8)
        {
            errors.Add(new("dimensions", "at most 8 dimensions"));
        }

        foreach (var (name, values) in indicator.Dimensions)
        {
            Slug($"dimensions.{name}", name, errors);
            if (values.Count is 0 or > 200 || values.Distinct(StringComparer.Ordinal).Count() != values.Count)
            {
                errors.Add(new($"dimensions.{name}", "a dimension lists 1 to 200 distinct values"));
            }

            foreach (var value in values)
            {
                Text($"dimensions.{name}", value, 80, errors);
            }
        }

        if (indicator.Baseline is { } baseline)
        {
            if (baseline.From.Type != indicator.PeriodType || baseline.To.Type != indicator.PeriodType)
            {
                errors.Add(new("baseline", $"baseline periods must be {indicator.PeriodType.ToString().ToLowerInvariant()} periods"));
            }
            else if (baseline.From > baseline.To)
            {
                errors.Add(new("baseline", "the baseline starts after it ends"));
            }

            if (baseline.Value is < 0)
            {
                errors.Add(new("baseline.value", "a baseline value cannot be negative"));
            }
        }

        if (indicator.Targets.Count > 10)
        {
            errors.Add(new("targets", "at most 10 targets"));
        }

        for (var i = 0; i < indicator.Targets.Count; i++)
        {
            var target = indicator.Targets[i];
            var field = $"targets[{i}]";
            if (target.Value is null == target.RelativeChange is null)
            {
                errors.Add(new(field, "a target has either a value or a relative change, not both"));
                continue;
            }

            if (target.RelativeChange is { } change)
            {
                if (change <= -1 || change == 0 || change > 10)
                {
                    errors.Add(new($"{field}.relativeChange", "a relative change is a non-zero fraction above -1 (−0.25 is a 25% fall)"));
                }
                else if ((indicator.Direction == Direction.Down) != (change < 0))
                {
                    errors.Add(new($"{field}.relativeChange", $"the indicator improves {indicator.Direction.ToString().ToLowerInvariant()}, so its target must move {indicator.Direction.ToString().ToLowerInvariant()}"));
                }

                if (indicator.Baseline is null)
                {
                    errors.Add(new($"{field}.relativeChange", "a relative target needs a baseline"));
                }
            }

            if (target.Value is { } value && indicator.Baseline?.Value is { } baseValue
                && (indicator.Direction == Direction.Down ? value >= baseValue : value <= baseValue))
            {
                errors.Add(new($"{field}.value", $"the indicator improves {indicator.Direction.ToString().ToLowerInvariant()}, but the target {value} does not move that way from the baseline {baseValue}"));
            }

            if (target.Note is not null)
            {
                Text($"{field}.note", target.Note, MaxText, errors);
            }
        }

        if (indicator.PairedIndicator is { } paired && !_indicators.ContainsKey(paired))
        {
            errors.Add(new("pairedIndicator", $"indicator '{paired}' does not exist (define it first)"));
        }
    }

    void CheckMeasurement(MeasurementRecord measurement, List<ValidationError> errors)
    {
        if (!_indicators.TryGetValue(measurement.Indicator, out var logged))
        {
            errors.Add(new("indicator", $"indicator '{measurement.Indicator}' does not exist"));
            return;
        }

        var indicator = logged.Record;
        if (measurement.Author != indicator.Reporter)
        {
            errors.Add(new("author", $"indicator '{indicator.Id}' is reported by party '{indicator.Reporter}'; party '{measurement.Author}' reports only its own indicators"));
        }

        if (measurement.Period.Type != indicator.PeriodType)
        {
            errors.Add(new("period", $"indicator '{indicator.Id}' is measured by {indicator.PeriodType.ToString().ToLowerInvariant()}, not by {measurement.Period.Type.ToString().ToLowerInvariant()} ('{measurement.Period}')"));
        }

        foreach (var (name, value) in measurement.Dimensions)
        {
            if (!indicator.Dimensions.TryGetValue(name, out var allowed))
            {
                errors.Add(new($"dimensions.{name}", $"indicator '{indicator.Id}' has no dimension '{name}'"));
            }
            else if (!allowed.Contains(value))
            {
                errors.Add(new($"dimensions.{name}", $"'{value}' is not one of the declared values ({string.Join(", ", allowed)})"));
            }
        }

        if (measurement.Value < 0 && indicator.MeasureType is MeasureType.Count or MeasureType.Amount)
        {
            errors.Add(new("value", $"a {indicator.MeasureType.ToString().ToLowerInvariant()} cannot be negative"));
        }

        if (indicator.MeasureType == MeasureType.Count && measurement.Value != decimal.Truncate(measurement.Value))
        {
            errors.Add(new("value", "a count is a whole number"));
        }

        if (indicator.MeasureType == MeasureType.Percent && measurement.Value is < 0 or > 100)
        {
            errors.Add(new("value", "a percentage is between 0 and 100"));
        }

        Text("source.dataset", measurement.Source.Dataset, MaxShortText, errors);
        if (measurement.Source.Url is not null)
        {
            Url("source.url", measurement.Source.Url, errors);
        }

        if (measurement.Source.FileSha256 is not null)
        {
            Sha256("source.fileSha256", measurement.Source.FileSha256, errors);
        }

        if (measurement.Evidence.Count > 16)
        {
            errors.Add(new("evidence", "at most 16 evidence files"));
        }

        for (var i = 0; i < measurement.Evidence.Count; i++)
        {
            Sha256($"evidence[{i}]", measurement.Evidence[i], errors);
        }

        if (measurement.Note is not null)
        {
            Text("note", measurement.Note, MaxText, errors);
        }

        var current = CurrentMeasurement(measurement);
        if (measurement.Supersedes is { } old)
        {
            if (!_measurements.TryGetValue(old, out var previous))
            {
                errors.Add(new("supersedes", $"entry {old} is not a measurement"));
            }
            else if (previous.Record.Author != measurement.Author)
            {
                errors.Add(new("supersedes", $"only party '{previous.Record.Author}', who reported entry {old}, can correct it"));
            }
            else if (previous.SeriesKey != MeasurementState.Key(measurement))
            {
                errors.Add(new("supersedes", $"entry {old} is a value for another indicator, period or dimensions"));
            }
            else if (previous.SupersededBy is { } by)
            {
                errors.Add(new("supersedes", $"entry {old} was already corrected by entry {by}; supersede that one"));
            }
        }
        else if (current is not null)
        {
            errors.Add(new("period", $"a value of '{indicator.Id}' for {measurement.Period} is already logged (entry {current.Index}); a correction supersedes it"));
        }
    }

    void CheckAttestation(AttestationRecord attestation, PartyState author, List<ValidationError> errors)
    {
        if (!_measurements.TryGetValue(attestation.Measurement, out var measurement))
        {
            errors.Add(new("measurement", $"entry {attestation.Measurement} is not a measurement"));
            return;
        }

        if (measurement.Record.Author == attestation.Author)
        {
            errors.Add(new("author", $"party '{attestation.Author}' reported entry {attestation.Measurement} and cannot attest to its own measurement"));
        }

        switch (attestation.Verdict)
        {
            case Verdict.Acknowledged:
                if (author.Role == PartyRole.Operator)
                {
                    errors.Add(new("verdict", "acknowledgement comes from a party or a verifier, not the operator"));
                }

                break;
            case Verdict.Disputed:
                if (author.Role == PartyRole.Operator)
                {
                    errors.Add(new("verdict", "a dispute comes from a party or a verifier, not the operator"));
                }

                if (attestation.Figure is null)
                {
                    errors.Add(new("figure", "a dispute states the attester's own figure"));
                }

                break;
            case Verdict.Verified:
            case Verdict.VerificationFailed:
                if (author.Role != PartyRole.Verifier)
                {
                    errors.Add(new("verdict", $"only an independent verifier can record '{(attestation.Verdict == Verdict.Verified ? "verified" : "verification-failed")}'; party '{author.Id}' is a {author.Role.ToString().ToLowerInvariant()}"));
                }

                break;
            case Verdict.Resolved:
                if (author.Role == PartyRole.Party)
                {
                    errors.Add(new("verdict", "a dispute is resolved by a verifier or the operator, not by one of the parties"));
                }

                if (attestation.Figure is null)
                {
                    errors.Add(new("figure", "a resolution states the figure that stands"));
                }

                if (!measurement.Attestations.Any(a => a.Record.Verdict == Verdict.Disputed))
                {
                    errors.Add(new("verdict", $"entry {attestation.Measurement} is not disputed"));
                }

                break;
        }

        if (attestation.Verdict is Verdict.Disputed or Verdict.VerificationFailed or Verdict.Resolved && string.IsNullOrWhiteSpace(attestation.Reason))
        {
            errors.Add(new("reason", "this verdict states its reason"));
        }

        if (attestation.Reason is not null)
        {
            Text("reason", attestation.Reason, MaxText, errors);
        }

        if (attestation.Evidence.Count > 16)
        {
            errors.Add(new("evidence", "at most 16 evidence files"));
        }

        for (var i = 0; i < attestation.Evidence.Count; i++)
        {
            Sha256($"evidence[{i}]", attestation.Evidence[i], errors);
        }
    }

    static void RequireOperator(PartyState author, string what, List<ValidationError> errors)
    {
        if (author.Role != PartyRole.Operator)
        {
            errors.Add(new("author", $"only the ledger's operator records {what}; party '{author.Id}' is a {author.Role.ToString().ToLowerInvariant()}"));
        }
    }

    static void RequireMemberOrOperator(PartyState author, AgreementRecord agreement, string what, List<ValidationError> errors)
    {
        if (author.Role != PartyRole.Operator && !agreement.Parties.Contains(author.Id))
        {
            errors.Add(new("author", $"party '{author.Id}' is not a party to agreement '{agreement.Id}' and cannot record {what} under it"));
        }
    }

    Logged<AgreementRecord>? RequireAgreement(string field, AgreementId id, List<ValidationError> errors)
    {
        if (_agreements.TryGetValue(id, out var agreement))
        {
            return agreement;
        }

        errors.Add(new(field, $"agreement '{id}' does not exist"));
        return null;
    }

    static byte[]? TryDecodeKey(string text)
    {
        var buffer = new byte[32];
        return text.Length == 44 && Convert.TryFromBase64String(text, buffer, out var written) && written == 32 ? buffer : null;
    }

    static void Slug(string field, string? value, List<ValidationError> errors)
    {
        if (value is null || !SlugPattern().IsMatch(value))
        {
            errors.Add(new(field, $"'{value}' is not an id: lowercase letters, digits and single hyphens, 1 to 64 characters"));
        }
    }

    static void Text(string field, string? value, int max, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "is empty"));
        }
        else if (value.Length > max)
        {
            errors.Add(new(field, $"is {value.Length} characters; at most {max}"));
        }
        else if (value.Any(c => char.IsControl(c) && c != '\n'))
        {
            errors.Add(new(field, "holds control characters"));
        }
    }

    static void Items<T>(string field, IReadOnlyList<T> items, List<ValidationError> errors)
    {
        if (items.Count is 0 or > MaxItems)
        {
            errors.Add(new(field, $"lists 1 to {MaxItems} items"));
        }
        else if (items.Distinct().Count() != items.Count)
        {
            errors.Add(new(field, "lists an item twice"));
        }
    }

    static void Url(string field, string value, List<ValidationError> errors)
    {
        if (value.Length > 2000 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            errors.Add(new(field, $"'{(value.Length > 80 ? value[..80] + "…" : value)}' is not an http(s) address"));
        }
    }

    static void Sha256(string field, string value, List<ValidationError> errors)
    {
        if (!Sha256Pattern().IsMatch(value))
        {
            errors.Add(new(field, "is not a SHA-256 in lowercase hex (64 characters)"));
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,63}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
