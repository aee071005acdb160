using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Sessions;

// Attestation in bulk: one verdict on every current value of an indicator in a range of periods, all or nothing.
public sealed partial class LedgerSession
{
    /// <summary>The most periods a range may span (a century of months).</summary>
    public const int MaxAttestationPeriods = 1200;

    /// <summary>The most values one attestation by period may cover (every one is a signed entry of one batch).</summary>
    public const int MaxAttestationValues = 20_000;

    /// <summary>
    /// Attests every current value of the request's indicator from <see cref="PeriodAttestationRequest.From"/> to
    /// <see cref="PeriodAttestationRequest.To"/> (only those whose dimensions match its filter) with one verdict, signed
    /// by its author, all or nothing: a range with no values, a value the author reported, or any attestation the
    /// ledger's rules would refuse logs nothing and fails naming the field (and the value's entry). Values the author
    /// already gave this same verdict are left alone and reported. The values are found by the projection's index
    /// (indicator, period), one read per period, so its cost is the range's, not the ledger's.
    /// </summary>
    public Task<PeriodAttestationReport> AttestByPeriodAsync(PeriodAttestationRequest request, SigningKey key, CancellationToken cancellationToken) =>
        AttestByPeriodAsync(request, (PendingEvidence?)null, key, cancellationToken);

    /// <summary>
    /// <see cref="AttestByPeriodAsync(PeriodAttestationRequest, SigningKey, CancellationToken)"/> with evidence files:
    /// stored (tentatively) before the attestations that cite them, after the request's own <see cref="PeriodAttestationRequest.Evidence"/>,
    /// and taken back when nothing is logged (a refusal, a failed write, or every value already attested).
    /// </summary>
    public Task<PeriodAttestationReport> AttestByPeriodAsync(PeriodAttestationRequest request, IReadOnlyList<ImportFile> evidence, SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(evidence);
        return WithEvidenceAsync(evidence, pending =>
            AttestByPeriodAsync(request with { Evidence = [.. request.Evidence, .. pending.Sha256s] }, pending, key, cancellationToken), cancellationToken);
    }

    async Task<PeriodAttestationReport> AttestByPeriodAsync(PeriodAttestationRequest request, PendingEvidence? evidence, SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        CheckBulkVerdict(request.Verdict, "by period");
        if (request.To < request.From)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "to", $"the range ends ({request.To}) before it starts ({request.From})");
        }

        var indicator = (await RequireIndicatorAsync(request.Indicator, cancellationToken)).Record;
        foreach (var (field, period) in new[] { ("from", request.From), ("to", request.To) })
        {
            if (period.Type != indicator.PeriodType)
            {
                throw new LedgerRequestException(LedgerError.Invalid, field, $"'{period}' is not a {ProjectionNames.Of(indicator.PeriodType)}: indicator '{indicator.Id}' is measured by {ProjectionNames.Of(indicator.PeriodType)}");
            }
        }

        var periods = Periods(request.From, request.To);
        if (periods.Count > MaxAttestationPeriods)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "to", $"a range spans at most {MaxAttestationPeriods} periods; this one spans {periods.Count}");
        }

        foreach (var name in request.Dimensions.Keys.Where(d => !indicator.Dimensions.ContainsKey(d)))
        {
            throw new LedgerRequestException(LedgerError.Invalid, "dim", $"indicator '{indicator.Id}' has no dimension '{name}' (its dimensions: {(indicator.Dimensions.Count == 0 ? "none" : string.Join(", ", indicator.Dimensions.Keys))})");
        }

        await CheckSignerAsync(request.Author, key, cancellationToken);
        var values = await CurrentValuesAsync(indicator.Id, periods, request.Dimensions, cancellationToken);
        var range = Describe(request);
        if (values.Count == 0)
        {
            throw new LedgerRequestException(LedgerError.NotFound, "from", $"indicator '{indicator.Id}' has no current values {range}; nothing was attested");
        }

        if (values.Count > MaxAttestationValues)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "to", $"the range holds {values.Count} values; attest at most {MaxAttestationValues} at once (a narrower range or a --dim filter)");
        }

        return await AttestAllAsync(indicator, values, Template(request.Author, request.Verdict, request.Figure, request.Reason, request.Evidence), own =>
            $"party '{request.Author}' reported the values {range} (entry {own.Index}, {own.Record.Period}) and cannot attest to its own values; attestations come from the other party or a verifier",
            key, cancellationToken, evidence);
    }

    /// <summary>The verdicts one request gives to many values; a dispute is withdrawn or resolved value by value.</summary>
    static void CheckBulkVerdict(Verdict verdict, string how)
    {
        if (verdict is not (Verdict.Acknowledged or Verdict.Verified or Verdict.VerificationFailed or Verdict.Disputed))
        {
            throw new LedgerRequestException(LedgerError.Invalid, "verdict", $"{how}, the verdict is acknowledged, verified, verification-failed or disputed; withdraw or resolve a dispute by its value's entry");
        }
    }

    // The attestation every value of a bulk request gets, but for its value and time.
    static AttestationRecord Template(PartyId author, Verdict verdict, decimal? figure, string? reason, IReadOnlyList<string> evidence) => new()
    {
        Author = author,
        RecordedAt = default,
        Measurement = 0,
        Verdict = verdict,
        Figure = figure,
        Reason = reason,
        Evidence = evidence,
    };

    /// <summary>
    /// The one path of every bulk attestation (by period, <see cref="AttestByPeriodAsync(PeriodAttestationRequest, SigningKey, CancellationToken)"/>, and of chosen values,
    /// <see cref="AttestValuesAsync"/>): <paramref name="template"/>'s verdict on each of <paramref name="values"/> (one
    /// indicator's current values, in period then series order), all or nothing. A value its author reported is refused
    /// by the attestation kind's own rule (<see cref="AttestationRecordKind.IsOwnValue"/>), before anything is signed, in
    /// the words of <paramref name="ownValue"/>; values whose latest verdict by the author is this one already are left
    /// alone and reported (repeating a request is harmless); every other rule (a verifier the policy does not count, a
    /// dispute without figure, a resolved value disputed again) is the kind's, checked for each entry before any is written.
    /// </summary>
    async Task<PeriodAttestationReport> AttestAllAsync(
        IndicatorRecord indicator, IReadOnlyList<MeasurementState> values, AttestationRecord template, Func<MeasurementState, string> ownValue, SigningKey key, CancellationToken cancellationToken,
        PendingEvidence? evidence = null)
    {
        if (values.FirstOrDefault(v => AttestationRecordKind.IsOwnValue(v.Record, template.Author, template.Verdict)) is { } own)
        {
            throw new LedgerRequestException(LedgerError.Refused, "as", ownValue(own));
        }

        var already = values.Where(v => v.Attestations.LastOrDefault(a => a.Record.Author == template.Author)?.Record.Verdict == template.Verdict).ToList();
        var wanted = values.Except(already).ToList();
        if (wanted.Count == 0)
        {
            return new PeriodAttestationReport(indicator, template.Verdict, [], already, null);
        }

        var now = Now();
        var records = wanted.Select(v => template with { RecordedAt = now, Measurement = v.Index }).ToList();
        var results = await SubmitAttestationsAsync(wanted, records, key, cancellationToken, evidence);
        var attested = wanted.Select((v, i) => new PeriodAttestation(v, results[i].Index!.Value)).ToList();
        return new PeriodAttestationReport(indicator, template.Verdict, attested, already, results.Max(r => r.CheckpointSize));
    }

    /// <summary>
    /// Signs one attestation per value and submits them as one batch, all or nothing: every entry is checked against the
    /// ledger's rules (the sequencer's clock included) on a state loaded for exactly these records before anything is
    /// written, and the first refusal names the value's entry and period. Signing and the signatures' verification do
    /// not depend on each other's order, so they run on every core.
    /// </summary>
    async Task<IReadOnlyList<SubmitResult>> SubmitAttestationsAsync(List<MeasurementState> values, List<AttestationRecord> records, SigningKey key, CancellationToken cancellationToken, PendingEvidence? evidence = null)
    {
        var entries = new byte[records.Count][];
        Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => entries[i] = EntryCodec.Sign(records[i], key));
        var latest = await LatestCheckpointAsync(cancellationToken);
        var state = await StateLoader.OpenAsync(Store, latest?.Size ?? 0, cancellationToken);
        await StateLoader.LoadAsync(state, StateNeeds.Of(records), Store, cancellationToken);
        var prepared = new PreparedEntry[entries.Length];
        Parallel.For(0, entries.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => prepared[i] = state.Prepare(entries[i]));
        var logTime = Now();
        for (var i = 0; i < entries.Length; i++)
        {
            var check = state.Check(prepared[i]);
            if (check.IsAccepted && LogTime.Check(check.Record!, logTime) is { Count: > 0 } untimely)
            {
                check = EntryCheck.Rejected(untimely);
            }

            if (!check.IsAccepted)
            {
                var value = values[i].Record;
                throw new LedgerRequestException(LedgerError.Refused,
                    $"attestation of entry {values[i].Index} ({value.Period}{DimensionsText(value.Dimensions)}) refused: {string.Join("; ", check.Errors)}; nothing was attested",
                    check.Errors);
            }

            state.Apply(check.Record!, Rfc6962.HashLeaf(entries[i]));
        }

        var results = await SubmitAsync(entries, cancellationToken);
        if (evidence is not null)
        {
            await evidence.LoggedAsync(results, cancellationToken);
        }

        if (results.Select((r, i) => (Result: r, Index: i)).FirstOrDefault(x => x.Result.Status == SubmitStatus.Rejected) is { Result: not null } refused)
        {
            // Only if another writer changed the ledger between the check above and the write.
            throw new LedgerRequestException(LedgerError.Refused,
                $"attestation of entry {values[refused.Index].Index} refused: {string.Join("; ", refused.Result.Errors)} ({results.Count(r => r.Status == SubmitStatus.Rejected)} refused, {results.Count(r => r.IsLogged)} logged)",
                refused.Result.Errors);
        }

        return results;
    }

    // The current values of an indicator in the periods, with their attestations, in period then series order.
    async Task<List<MeasurementState>> CurrentValuesAsync(IndicatorId indicator, IReadOnlyList<Period> periods, IReadOnlyDictionary<string, string> dimensions, CancellationToken cancellationToken)
    {
        var rows = new List<ProjectionRow>();
        foreach (var period in periods)
        {
            var query = new ProjectionQuery(MeasurementRecordKind.Table) { OrderBy = ["period", "series", "log_index"] }
                .WhereEquals("indicator", indicator.Value)
                .WhereEquals("period", period.ToString())
                .WhereEquals("superseded_by", null);
            rows.AddRange(await Store.QueryAsync(query, cancellationToken));
            if (rows.Count > MaxAttestationValues)
            {
                break;
            }
        }

        var values = await MeasurementsAsync(rows, cancellationToken);
        return [.. values.Where(v => dimensions.All(d => v.Record.Dimensions.TryGetValue(d.Key, out var value) && value == d.Value))];
    }

    static List<Period> Periods(Period from, Period to)
    {
        var periods = new List<Period>();
        for (var p = from; p <= to && periods.Count <= MaxAttestationPeriods; p = Next(p))
        {
            periods.Add(p);
        }

        return periods;
    }

    static Period Next(Period period) => period.Type switch
    {
        PeriodType.Month => period.AddMonths(1),
        PeriodType.Quarter => period.Number == 4 ? new Period(PeriodType.Quarter, period.Year + 1, 1) : period with { Number = period.Number + 1 },
        _ => period with { Year = period.Year + 1 },
    };

    static string Describe(PeriodAttestationRequest request) =>
        $"from {request.From} to {request.To}{(request.Dimensions.Count == 0 ? "" : " with " + string.Join(", ", request.Dimensions.Select(d => $"{d.Key}={d.Value}")))}";

    static string DimensionsText(IReadOnlyDictionary<string, string> dimensions) =>
        dimensions.Count == 0 ? "" : " " + string.Join(", ", dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
}
