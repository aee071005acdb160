namespace OutcomeLedger.Core.Storage;

/// <summary>
/// The projection beside the log: tables the record kinds declare, written with each batch in the log's own
/// transaction (<see cref="ILogStore.AppendAsync"/>) and read here to check writes and answer queries without replaying
/// the log. It is derived: <see cref="ReplaceAsync"/> rebuilds it from a replay, never touching the log.
/// </summary>
public interface IProjectionStore
{
    /// <summary>The schema version the projection was written under (see <c>Projection.SchemaVersion</c>), or null for none.</summary>
    Task<string?> GetSchemaVersionAsync(CancellationToken cancellationToken);

    /// <summary>Rows of <paramref name="table"/> whose <paramref name="column"/> is one of <paramref name="values"/>, in key order.</summary>
    Task<IReadOnlyList<ProjectionRow>> FindAsync(ProjectionTable table, string column, IReadOnlyCollection<object> values, CancellationToken cancellationToken);

    /// <summary>A page of rows, filtered and ordered as <paramref name="query"/> says.</summary>
    Task<IReadOnlyList<ProjectionRow>> QueryAsync(ProjectionQuery query, CancellationToken cancellationToken);

    /// <summary>How many rows <paramref name="query"/>'s filters match (its order and page ignored).</summary>
    Task<long> CountAsync(ProjectionQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Drops every projection table and creates <paramref name="schema"/>'s, filled with <paramref name="rows"/>, and records
    /// <paramref name="schemaVersion"/>: one transaction; the log is untouched.
    /// </summary>
    Task ReplaceAsync(IReadOnlyList<ProjectionTable> schema, string schemaVersion, IEnumerable<ProjectionRow> rows, CancellationToken cancellationToken);

    /// <summary>Every row of <paramref name="schema"/>'s tables, table by table in key order (to compare with a rebuilt projection).</summary>
    IAsyncEnumerable<ProjectionRow> ReadAllAsync(IReadOnlyList<ProjectionTable> schema, CancellationToken cancellationToken);
}
