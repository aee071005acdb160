namespace OutcomeLedger.Core.Storage;

/// <summary>
/// A read of one projection table: rows whose columns equal the given values, in the given column order (each
/// ascending, then by key), a page of them. Every filter and order should be served by the table's key or an index.
/// </summary>
public sealed record ProjectionQuery(ProjectionTable Table)
{
    public IReadOnlyList<KeyValuePair<string, object>> Where { get; init; } = [];

    public IReadOnlyList<string> OrderBy { get; init; } = [];

    public int Offset { get; init; }

    /// <summary>The most rows returned; null for all.</summary>
    public int? Limit { get; init; }

    public ProjectionQuery WhereEquals(string column, object value)
    {
        Table.Ordinal(column);
        return this with { Where = [.. Where, new(column, value)] };
    }
}
