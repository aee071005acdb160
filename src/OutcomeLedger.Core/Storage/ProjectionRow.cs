namespace OutcomeLedger.Core.Storage;

/// <summary>
/// One row of the queryable projection: the table, the row's key, the log index of the entry it derives from, and its
/// columns. An update (e.g. a measurement marked superseded) is an upsert of the whole row.
/// </summary>
public sealed record ProjectionRow(string Table, string Key, ulong LogIndex, IReadOnlyDictionary<string, string?> Columns)
{
    public override string ToString() =>
        $"{Table}[{Key}]@{LogIndex}: " + string.Join(", ", Columns.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
}
