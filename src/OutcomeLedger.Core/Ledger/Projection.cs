using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// The queryable projection the records leave, derived from the record kinds: the tables they declare and the rows
/// each record leaves once applied. Derived from the log only, so a rebuild from the log gives the same rows.
/// </summary>
public static class Projection
{
    /// <summary>Every projection table; storage creates exactly these.</summary>
    public static IReadOnlyList<ProjectionTable> Schema { get; } = [.. RecordKinds.All.SelectMany(k => k.Tables)];

    /// <summary>
    /// The schema in one text, stored beside the projection: a projection written under another schema (an older
    /// version's) is rebuilt from the log before it is used.
    /// </summary>
    public static string SchemaVersion { get; } = string.Join("\n", Schema.Select(t => t.Describe()));

    /// <summary>The rows for <paramref name="record"/>, applied at <paramref name="index"/> to <paramref name="state"/> (after Apply).</summary>
    public static IEnumerable<ProjectionRow> RowsFor(LedgerRecord record, ulong index, LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(state);
        return RecordKinds.Of(record).ProjectRecord(record, index, state);
    }
}
