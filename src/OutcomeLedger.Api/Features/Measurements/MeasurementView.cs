using OutcomeLedger.Api.Features.Records;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Measurements;

/// <summary>A logged measurement, the entry that corrected it (if any) and the attestations on it.</summary>
public sealed record MeasurementView(ulong Index, string LeafHash, MeasurementRecord Record, ulong? SupersededBy, IReadOnlyList<EntryView<AttestationRecord>> Attestations)
{
    public static MeasurementView From(MeasurementState measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        return new(measurement.Index, measurement.LeafHash.ToHex(), measurement.Record, measurement.SupersededBy, [.. measurement.Attestations.Select(l => new EntryView<AttestationRecord>(l))]);
    }
}
