using System.Globalization;

namespace OutcomeLedger.Core.Storage;

/// <summary>
/// One row of a projection table: its values in the table's column order, text as <see cref="string"/> and integers
/// as <see cref="long"/> (null where the column allows it). An update is an upsert of the whole row on its key.
/// </summary>
public sealed class ProjectionRow
{
    readonly object?[] _values;

    public ProjectionRow(ProjectionTable table, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != table.Columns.Count)
        {
            throw new ArgumentException($"table {table.Name} has {table.Columns.Count} columns, the row {values.Count} values", nameof(values));
        }

        for (var i = 0; i < values.Count; i++)
        {
            var column = table.Columns[i];
            var fits = values[i] switch
            {
                null => column.Nullable,
                string => column.Type == ColumnType.Text,
                long => column.Type == ColumnType.Integer,
                _ => false,
            };
            if (!fits)
            {
                throw new ArgumentException($"{table.Name}.{column.Name} is a {(column.Nullable ? "nullable " : "")}{column.Type.ToString().ToLowerInvariant()} column, not {values[i]?.GetType().Name ?? "null"}", nameof(values));
            }
        }

        Table = table;
        _values = [.. values];
    }

    public ProjectionTable Table { get; }

    public IReadOnlyList<object?> Values => _values;

    /// <summary>The row's key: its first column's value.</summary>
    public object Key => _values[0]!;

    public string? Text(string column) => (string?)_values[Table.Ordinal(column)];

    public long? Integer(string column) => (long?)_values[Table.Ordinal(column)];

    /// <summary>A log index column (stored as a signed 64-bit integer).</summary>
    public ulong? Index(string column) => Integer(column) is { } value ? (ulong)value : null;

    public override string ToString() =>
        $"{Table.Name}(" + string.Join(", ", Table.Columns.Select((c, i) => $"{c.Name}={Format(_values[i])}")) + ")";

    static string Format(object? value) => value switch
    {
        null => "null",
        long number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
