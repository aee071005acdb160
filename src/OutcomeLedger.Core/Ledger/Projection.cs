using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// The queryable projection the records leave, derived from the record kinds: the tables they declare and the rows
/// each record leaves once applied. Derived from the log only, so a rebuild from the log gives the same rows.
/// </summary>
public static class Projection
{
    /// <summary>Every projection table and its columns (besides <c>key</c> and <c>log_index</c>); storage creates exactly these.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Tables =
        RecordKinds.All.SelectMany(k => k.Tables).ToDictionary(t => t.Name, t => t.Columns, StringComparer.Ordinal);

    /// <summary>The rows for <paramref name="record"/>, applied at <paramref name="index"/> to <paramref name="state"/> (after Apply).</summary>
    public static IEnumerable<ProjectionRow> RowsFor(LedgerRecord record, ulong index, LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(state);
        return RecordKinds.Of(record).ProjectRecord(record, index, state);
    }
}
