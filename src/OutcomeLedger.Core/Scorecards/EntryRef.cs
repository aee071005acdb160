using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>The log entry a figure comes from: its index and its RFC 9162 leaf hash in lowercase hex.</summary>
public sealed record EntryRef(ulong Index, string LeafHash)
{
    public static EntryRef Of<T>(Logged<T> logged)
        where T : LedgerRecord
    {
        ArgumentNullException.ThrowIfNull(logged);
        return new(logged.Index, logged.LeafHash.ToHex());
    }

    public static EntryRef Of(MeasurementState measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        return new(measurement.Index, measurement.LeafHash.ToHex());
    }
}
