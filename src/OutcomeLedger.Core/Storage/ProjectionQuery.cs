namespace OutcomeLedger.Core.Storage;

/// <summary>
/// A read of one projection table: rows whose columns equal the given values, in the given column order (each
/// ascending, or each descending, then by key; columns named in <see cref="Reversed"/> the other way), a page of them. Every filter and order should be served by the table's key or an index.
/// </summary>
public sealed record ProjectionQuery(ProjectionTable Table)
{
    /// <summary>Column equals value; a null value means the column is null.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Where { get; init; } = [];

    public IReadOnlyList<string> OrderBy { get; init; } = [];

    /// <summary>Order from the last row (every order column and the key descending).</summary>
    public bool Descending { get; init; }

    /// <summary>
    /// Order columns that run the other way from the rest: a list of an indicator's values newest period first keeps
    /// each period's series, and a value before its correction, in ascending order.
    /// </summary>
    public IReadOnlyList<string> Reversed { get; init; } = [];

    public int Offset { get; init; }

    /// <summary>The most rows returned; null for all.</summary>
    public int? Limit { get; init; }

    public ProjectionQuery WhereEquals(string column, object? value)
    {
        Table.Ordinal(column);
        return this with { Where = [.. Where, new(column, value)] };
    }
}
