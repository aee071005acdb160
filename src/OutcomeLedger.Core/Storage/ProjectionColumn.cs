namespace OutcomeLedger.Core.Storage;

/// <summary>A column of a projection table: text (an id, a period) or an integer (a log index).</summary>
public sealed record ProjectionColumn(string Name, ColumnType Type, bool Nullable = false)
{
    public static ProjectionColumn Text(string name, bool nullable = false) => new(name, ColumnType.Text, nullable);

    public static ProjectionColumn Integer(string name, bool nullable = false) => new(name, ColumnType.Integer, nullable);
}
