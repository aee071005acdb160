using System.Text.Json;
using OutcomeLedger.Core.Entries;

namespace OutcomeLedger.Core.Storage;

/// <summary>
/// One row of the queryable projection: the table, the row's key, the log index of the entry it derives from, and its
/// columns. An update (e.g. a measurement marked superseded) is an upsert of the whole row.
/// </summary>
public sealed record ProjectionRow(string Table, string Key, ulong LogIndex, IReadOnlyDictionary<string, string?> Columns)
{
    public override string ToString() =>
        $"{Table}[{Key}]@{LogIndex}: " + string.Join(", ", Columns.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    /// <summary>A row from its columns, as the record kinds write them.</summary>
    public static ProjectionRow Of(string table, string key, ulong index, params (string Name, string? Value)[] columns) =>
        new(table, key, index, columns.ToDictionary(c => c.Name, c => c.Value));

    /// <summary>An enum value as the records' JSON writes it: <c>joint-statement</c>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>A value as the records' JSON writes it.</summary>
    public static string Json<T>(T value) => JsonSerializer.Serialize(value, RecordJson.Options);
}
