namespace OutcomeLedger.Storage;

/// <summary>
/// One kind of row the log store writes: its table, its columns in the order values are given, and what to do when
/// the key exists (<c>ON CONFLICT …</c>, or empty for rows that are only ever appended).
/// </summary>
public sealed record RowWrite(string Table, IReadOnlyList<string> Columns, string Suffix)
{
    /// <summary>The statement up to its values: <c>INSERT INTO table (columns) VALUES</c>.</summary>
    public string Insert { get; } = $"INSERT INTO {Table} ({string.Join(", ", Columns)}) VALUES";
}
