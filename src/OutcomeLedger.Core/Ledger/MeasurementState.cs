using OutcomeLedger.Core.Transparency;

namespace OutcomeLedger.Core.Ledger;

/// <summary>A logged measurement with the attestations on it and, once corrected, the index of its correction.</summary>
public sealed class MeasurementState(MeasurementRecord record, ulong index, Hash leafHash)
{
    public MeasurementRecord Record { get; } = record;

    public ulong Index { get; } = index;

    public Hash LeafHash { get; } = leafHash;

    public ulong? SupersededBy { get; internal set; }

    public List<Logged<AttestationRecord>> Attestations { get; } = [];

    /// <summary>The key that one value per (indicator, period, dimensions, reporter) is tracked under.</summary>
    public string SeriesKey => Key(Record);

    internal static string Key(MeasurementRecord record) =>
        string.Join('|', new[] { record.Indicator.Value, record.Period.ToString(), record.Author.Value }
            .Concat(record.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key + "=" + d.Value)));
}
