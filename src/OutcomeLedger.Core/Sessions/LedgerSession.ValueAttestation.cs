using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Sessions;

// Attestation of chosen values: the review queue's bulk acknowledgement or dispute, all or nothing.
public sealed partial class LedgerSession
{
    /// <summary>
    /// Attests the request's values (by their entries, all current values of one indicator) with one verdict signed by
    /// its author, all or nothing: an entry that is not a measurement, a value since corrected, values of two indicators,
    /// a value the author reported, or any attestation the ledger's rules would refuse logs nothing and fails naming the
    /// field and the value's entry. Values the author already gave this same verdict are left alone and reported, as by
    /// period (<see cref="AttestByPeriodAsync"/>).
    /// </summary>
    public async Task<PeriodAttestationReport> AttestValuesAsync(ValueAttestationRequest request, SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        if (request.Verdict is not (Verdict.Acknowledged or Verdict.Verified or Verdict.VerificationFailed or Verdict.Disputed))
        {
            throw new LedgerRequestException(LedgerError.Invalid, "verdict", "in bulk, the verdict is acknowledged, verified, verification-failed or disputed; withdraw or resolve a dispute by its value's entry");
        }

        if (request.Measurements.Count == 0)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "measurements", "choose at least one value; nothing was attested");
        }

        if (request.Measurements.Count > MaxAttestationValues)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "measurements", $"attest at most {MaxAttestationValues} values at once; {request.Measurements.Count} were given");
        }

        if (request.Measurements.Distinct().Count() != request.Measurements.Count)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "measurements", "give each value's entry once");
        }

        await CheckSignerAsync(request.Author, key, cancellationToken);
        var values = new List<MeasurementState>(request.Measurements.Count);
        foreach (var index in request.Measurements.Order())
        {
            var value = await FindMeasurementAsync(index, cancellationToken)
                ?? throw new LedgerRequestException(LedgerError.NotFound, "measurements", $"entry {index} is not a measurement; nothing was attested");
            if (value.SupersededBy is { } correction)
            {
                throw new LedgerRequestException(LedgerError.Refused, "measurements", $"entry {index} was corrected by entry {correction}; attest the current value; nothing was attested");
            }

            if (value.Record.Author == request.Author)
            {
                throw new LedgerRequestException(LedgerError.Refused, "as", $"party '{request.Author}' reported entry {index} and cannot attest to its own values; attestations come from the other party or a verifier");
            }

            if (values.Count > 0 && values[0].Record.Indicator != value.Record.Indicator)
            {
                throw new LedgerRequestException(LedgerError.Invalid, "measurements", $"entries {values[0].Index} and {index} are values of two indicators ('{values[0].Record.Indicator}', '{value.Record.Indicator}'); attest one indicator's values at once");
            }

            values.Add(value);
        }

        var indicator = (await RequireIndicatorAsync(values[0].Record.Indicator, cancellationToken)).Record;
        var already = values.Where(v => v.Attestations.LastOrDefault(a => a.Record.Author == request.Author)?.Record.Verdict == request.Verdict).ToList();
        var wanted = values.Except(already).OrderBy(v => v.Record.Period).ThenBy(v => v.SeriesKey, StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new PeriodAttestationReport(indicator, request.Verdict, [], already, null);
        }

        var now = Now();
        var records = wanted.Select(v => new AttestationRecord
        {
            Author = request.Author,
            RecordedAt = now,
            Measurement = v.Index,
            Verdict = request.Verdict,
            Figure = request.Figure,
            Reason = request.Reason,
        }).ToList();
        var results = await SubmitAttestationsAsync(wanted, records, key, cancellationToken);
        return new PeriodAttestationReport(indicator, request.Verdict, [.. wanted.Select((v, i) => new PeriodAttestation(v, results[i].Index!.Value))], already, results.Max(r => r.CheckpointSize));
    }
}
