using System.Text;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary>A logged measurement with the attestations on it and, once corrected, the index of its correction.</summary>
public sealed class MeasurementState(MeasurementRecord record, ulong index, Hash leafHash)
{
    public MeasurementRecord Record { get; } = record;

    public ulong Index { get; } = index;

    public Hash LeafHash { get; } = leafHash;

    public ulong? SupersededBy { get; internal set; }

    /// <summary>
    /// The value this one corrected (the one its <see cref="MeasurementRecord.Supersedes"/> names), when the state holds
    /// it: the value's history, and any dispute still open on it, carry over to the correction (<see cref="ValueHistory"/>).
    /// </summary>
    public MeasurementState? Corrected { get; internal set; }

    public List<Logged<AttestationRecord>> Attestations { get; } = [];

    /// <summary>The key that one value per (indicator, period, dimensions, reporter) is tracked under.</summary>
    public string SeriesKey { get; } = Key(record);

    internal static string Key(MeasurementRecord record) => KeyOf(record.Indicator, record.Period, record.Author, record.Dimensions);

    /// <summary>The series key of a value of <paramref name="indicator"/> for <paramref name="period"/> and <paramref name="dimensions"/>, reported by <paramref name="author"/>.</summary>
    internal static string KeyOf(IndicatorId indicator, Period period, PartyId author, IReadOnlyDictionary<string, string> dimensions)
    {
        var key = new StringBuilder(64).Append(indicator.Value).Append('|').Append(period.ToString()).Append('|').Append(author.Value);
        foreach (var (name, value) in dimensions.Count > 1 ? dimensions.OrderBy(d => d.Key, StringComparer.Ordinal) : (IEnumerable<KeyValuePair<string, string>>)dimensions)
        {
            key.Append('|').Append(name).Append('=').Append(value);
        }

        return key.ToString();
    }
}
