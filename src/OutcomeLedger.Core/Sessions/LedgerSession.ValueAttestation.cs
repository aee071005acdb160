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
    /// field and the value's entry. Values the author already gave this same verdict are left alone and reported. The
    /// checks and the write are those of every bulk attestation (<see cref="AttestAllAsync"/>, as by period).
    /// </summary>
    public async Task<PeriodAttestationReport> AttestValuesAsync(ValueAttestationRequest request, SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        CheckBulkVerdict(request.Verdict, "in bulk");
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

            if (values.Count > 0 && values[0].Record.Indicator != value.Record.Indicator)
            {
                throw new LedgerRequestException(LedgerError.Invalid, "measurements", $"entries {values[0].Index} and {index} are values of two indicators ('{values[0].Record.Indicator}', '{value.Record.Indicator}'); attest one indicator's values at once");
            }

            values.Add(value);
        }

        var indicator = (await RequireIndicatorAsync(values[0].Record.Indicator, cancellationToken)).Record;
        return await AttestAllAsync(
            indicator,
            [.. values.OrderBy(v => v.Record.Period).ThenBy(v => v.SeriesKey, StringComparer.Ordinal)],
            Template(request.Author, request.Verdict, request.Figure, request.Reason, []),
            own => $"party '{request.Author}' reported entry {own.Index} and cannot attest to its own values; attestations come from the other party or a verifier",
            key,
            cancellationToken);
    }
}
