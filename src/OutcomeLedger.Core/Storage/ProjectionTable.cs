using System.Text;

namespace OutcomeLedger.Core.Storage;

/// <summary>
/// A projection table a record kind declares: its columns (the first is the key, upserted on) and its secondary
/// indexes. The projection is an index into the log, derived from it: rows point at entries by log index, and the
/// records themselves are always read from the entries. Storage creates exactly these tables.
/// </summary>
public sealed class ProjectionTable : IEquatable<ProjectionTable>
{
    public ProjectionTable(string name, IReadOnlyList<ProjectionColumn> columns, params IReadOnlyList<string>[] indexes)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfZero(columns.Count);
        Name = name;
        Columns = columns;
        Indexes = indexes;
        foreach (var column in indexes.SelectMany(i => i))
        {
            _ = Ordinal(column);
        }
    }

    public string Name { get; }

    /// <summary>The columns; the first is the row's key.</summary>
    public IReadOnlyList<ProjectionColumn> Columns { get; }

    /// <summary>Secondary indexes, each a list of column names.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Indexes { get; }

    /// <summary>
    /// Partial indexes: each covers only the rows whose <see cref="ProjectionPartialIndex.WhereNull"/> column is null (a
    /// table's current rows, say), so a query filtering on that column reads just those rows, and the index stays small.
    /// </summary>
    public IReadOnlyList<ProjectionPartialIndex> PartialIndexes
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var index in value)
            {
                ArgumentOutOfRangeException.ThrowIfZero(index.Columns.Count);
                foreach (var column in index.Columns.Append(index.WhereNull))
                {
                    _ = Ordinal(column);
                }

                if (!Columns[Ordinal(index.WhereNull)].Nullable)
                {
                    throw new ArgumentException($"table {Name}: the partial index's column '{index.WhereNull}' is never null", nameof(value));
                }
            }

            field = value;
        }
    } = [];

    public ProjectionColumn Key => Columns[0];

    /// <summary>The position of <paramref name="column"/> among <see cref="Columns"/>.</summary>
    public int Ordinal(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"table {Name} has no column '{column}'", nameof(column));
    }

    /// <summary>A row of this table from its values in column order (text as <see cref="string"/>, integers as <see cref="long"/>).</summary>
    public ProjectionRow Row(params object?[] values) => new(this, values);

    /// <summary>One line that changes whenever the table's shape does: stored beside the projection to know when to rebuild it.</summary>
    public string Describe()
    {
        var text = new StringBuilder(Name).Append('(');
        text.AppendJoin(", ", Columns.Select(c => $"{c.Name} {c.Type.ToString().ToLowerInvariant()}{(c.Nullable ? " null" : "")}"));
        foreach (var index in Indexes)
        {
            text.Append("; index ").AppendJoin(", ", index);
        }

        foreach (var index in PartialIndexes)
        {
            text.Append("; index ").AppendJoin(", ", index.Columns).Append(" where ").Append(index.WhereNull).Append(" is null");
        }

        return text.Append(')').ToString();
    }

    public bool Equals(ProjectionTable? other) => other is not null && Describe() == other.Describe();

    public override bool Equals(object? obj) => Equals(obj as ProjectionTable);

    public override int GetHashCode() => Describe().GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Describe();
}
