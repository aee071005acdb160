using System.Data.Common;
using System.Globalization;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Storage;

/// <summary>
/// The log store over a relational database. The SQL is shared by SQLite and PostgreSQL (both take the same
/// INSERT … ON CONFLICT upserts and named parameters); each engine supplies its connections, its write transaction
/// and its migration scripts.
/// </summary>
public abstract class RelationalLogStore : ILedgerStore
{
    /// <summary>
    /// Indices, sizes and tile numbers are stored as signed 64-bit integers, so none above this is stored: a read of
    /// one (a request for entry 2^63, say) finds nothing, as a read past the log's end does, instead of overflowing.
    /// </summary>
    const ulong MaxStored = long.MaxValue;

    /// <summary>"sqlite" or "postgres": the folder of this engine's migration scripts.</summary>
    protected abstract string Engine { get; }

    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Returns a connection from <see cref="OpenConnectionAsync"/> (closing it, or keeping a shared one open).</summary>
    protected abstract ValueTask ReleaseConnectionAsync(DbConnection connection);

    /// <summary>Starts a write transaction that serialises with every other writer.</summary>
    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A projection column's SQL type in this engine (text compares by code point, so ids sort alike on both engines).</summary>
    protected abstract string SqlType(ProjectionColumn column);

    public abstract ValueTask DisposeAsync();

    /// <summary>Applies the embedded migration scripts not yet applied, in order, each in its own transaction.</summary>
    protected async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)", cancellationToken);
            var applied = new HashSet<int>();
            await using (var command = Command(connection, null, "SELECT version FROM schema_version"))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            foreach (var (version, sql) in Migrations())
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var lines = statement.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal));
                    var text = string.Join('\n', lines).Trim();
                    if (text.Length > 0)
                    {
                        await ExecuteAsync(connection, transaction, text, cancellationToken);
                    }
                }

                await ExecuteAsync(connection, transaction, "INSERT INTO schema_version (version) VALUES (@v)", cancellationToken, ("@v", version));
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    IEnumerable<(int Version, string Sql)> Migrations()
    {
        var assembly = typeof(RelationalLogStore).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{Engine}.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = name[prefix.Length..];
            // MSBuild prefixes resource names that start with a digit with '_': "_001_log_and_projection.sql".
            var digits = new string(file.TrimStart('_').TakeWhile(char.IsAsciiDigit).ToArray());
            var version = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (version, reader.ReadToEnd());
        }
    }

    public async Task<StoredCheckpoint?> GetLatestCheckpointAsync(CancellationToken cancellationToken)
    {
        var all = await QueryCheckpointsAsync("SELECT size, root, note FROM checkpoints ORDER BY size DESC LIMIT 1", cancellationToken);
        return all.Count == 0 ? null : all[0];
    }

    public async Task<StoredCheckpoint?> GetCheckpointAsync(ulong size, CancellationToken cancellationToken)
    {
        if (size > MaxStored)
        {
            return null;
        }

        var found = await QueryCheckpointsAsync("SELECT size, root, note FROM checkpoints WHERE size = @size", cancellationToken, ("@size", (long)size));
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<StoredCheckpoint>> GetCheckpointsAsync(CancellationToken cancellationToken) =>
        QueryCheckpointsAsync("SELECT size, root, note FROM checkpoints ORDER BY size", cancellationToken);

    public Task<IReadOnlyList<StoredCheckpoint>> GetCheckpointsBeforeAsync(ulong size, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        // Sizes are stored as signed 64-bit integers: every stored one is below a size beyond them.
        return QueryCheckpointsAsync("SELECT size, root, note FROM checkpoints WHERE size < @size ORDER BY size DESC LIMIT @limit", cancellationToken,
            ("@size", (long)Math.Min(size, MaxStored)), ("@limit", (long)limit));
    }

    async Task<IReadOnlyList<StoredCheckpoint>> QueryCheckpointsAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            var result = new List<StoredCheckpoint>();
            await using var command = Command(connection, null, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Add(new StoredCheckpoint((ulong)reader.GetInt64(0), HashOf(reader, 1, "checkpoints.root"), reader.GetString(2)));
            }

            return result;
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async Task<IReadOnlyList<StoredLeaf>> ReadLeavesAsync(ulong start, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (start > MaxStored || count == 0)
        {
            return [];
        }

        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            // count is a bound, not a promise: a caller may ask for "all up to" a large number.
            var result = new List<StoredLeaf>(Math.Min(count, 4096));
            await using var command = Command(connection, null, "SELECT idx, leaf_hash, data FROM leaves WHERE idx >= @start AND idx <= @last ORDER BY idx",
                ("@start", (long)start), ("@last", (long)Math.Min(start + (ulong)count - 1, MaxStored)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Add(new StoredLeaf((ulong)reader.GetInt64(0), HashOf(reader, 1, "leaves.leaf_hash"), reader.GetFieldValue<byte[]>(2)));
            }

            return result;
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async Task<byte[]?> ReadTileAsync(int level, ulong index, CancellationToken cancellationToken)
    {
        if (index > MaxStored)
        {
            return null;
        }

        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, null, "SELECT data FROM tiles WHERE level = @level AND idx = @idx", ("@level", level), ("@idx", (long)index));
            return await command.ExecuteScalarAsync(cancellationToken) as byte[];
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async Task AppendAsync(LogBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            var newSize = batch.ExpectedSize + (ulong)batch.Leaves.Count;
            if (batch.Checkpoint.Size != newSize)
            {
                throw new ArgumentException($"the batch's checkpoint is for size {batch.Checkpoint.Size}, but its leaves make {newSize}", nameof(batch));
            }

            var swapped = await ExecuteAsync(connection, transaction, "UPDATE log_head SET size = @new WHERE id = 1 AND size = @expected", cancellationToken,
                ("@new", (long)newSize), ("@expected", (long)batch.ExpectedSize));
            if (swapped != 1)
            {
                await using var head = Command(connection, transaction, "SELECT size FROM log_head WHERE id = 1");
                var actual = Convert.ToUInt64(await head.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                throw new LogConflictException(batch.ExpectedSize, actual);
            }

            await WriteRowsAsync(connection, transaction, LeafRows,
                batch.Leaves.Select(leaf => new object[] { (long)leaf.Index, leaf.LeafHash.ToArray(), leaf.Data }), cancellationToken);
            await WriteRowsAsync(connection, transaction, TileRows,
                batch.Tiles.Select(tile => new object[] { tile.Level, (long)tile.Index, tile.Data }), cancellationToken);
            await WriteProjectionAsync(connection, transaction, batch.Projection, cancellationToken);
            await ExecuteAsync(connection, transaction, "INSERT INTO checkpoints (size, root, note) VALUES (@size, @root, @note)", cancellationToken,
                ("@size", (long)batch.Checkpoint.Size), ("@root", batch.Checkpoint.Root.ToArray()), ("@note", batch.Checkpoint.Note));
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async Task<IReadOnlyList<StoredLeaf>> ReadLeavesAtAsync(IReadOnlyCollection<ulong> indices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var result = new List<StoredLeaf>(indices.Count);
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var chunk in indices.Distinct().Where(i => i <= MaxStored).Select(i => (object)(long)i).Chunk(InChunk))
            {
                await using var command = InCommand(connection, "SELECT idx, leaf_hash, data FROM leaves WHERE idx IN", chunk, "");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    result.Add(new StoredLeaf((ulong)reader.GetInt64(0), HashOf(reader, 1, "leaves.leaf_hash"), reader.GetFieldValue<byte[]>(2)));
                }
            }
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }

        result.Sort((a, b) => a.Index.CompareTo(b.Index));
        return result;
    }

    public Task<string?> GetSchemaVersionAsync(CancellationToken cancellationToken) => GetMetaAsync(ProjectionSchemaKey, cancellationToken);

    public async Task<IReadOnlyList<ProjectionRow>> FindAsync(ProjectionTable table, string column, IReadOnlyCollection<object> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(values);
        table.Ordinal(column);
        var rows = new List<ProjectionRow>(values.Count);
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var chunk in values.Distinct().Chunk(InChunk))
            {
                await using var command = InCommand(connection, $"SELECT {Columns(table)} FROM {table.Name} WHERE {column} IN", chunk, "");
                await ReadRowsAsync(command, table, rows, cancellationToken);
            }
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }

        var key = table.Key.Type == ColumnType.Integer
            ? Comparer<ProjectionRow>.Create((a, b) => ((long)a.Key).CompareTo((long)b.Key))
            : Comparer<ProjectionRow>.Create((a, b) => string.CompareOrdinal((string)a.Key, (string)b.Key));
        rows.Sort(key);
        return rows;
    }

    public async Task<IReadOnlyList<ProjectionRow>> QueryAsync(ProjectionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = new List<ProjectionRow>();
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, null, SelectSql(query), Parameters(query));
            await ReadRowsAsync(command, query.Table, rows, cancellationToken);
            return rows;
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async Task<long> CountAsync(ProjectionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, null, CountSql(query), Parameters(query));
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async Task ReplaceAsync(IReadOnlyList<ProjectionTable> schema, string schemaVersion, IEnumerable<ProjectionRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentException.ThrowIfNullOrEmpty(schemaVersion);
        ArgumentNullException.ThrowIfNull(rows);
        var previous = await GetSchemaVersionAsync(cancellationToken);
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);

            // The tables of the schema the projection was written under, and of this one (their names may be the same).
            var drop = schema.Select(t => t.Name).Concat(LegacyProjectionTables).Concat(TableNames(previous)).Distinct(StringComparer.Ordinal);
            foreach (var name in drop)
            {
                await ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS {name}", cancellationToken);
            }

            foreach (var table in schema)
            {
                var columns = table.Columns.Select(c => $"{c.Name} {SqlType(c)}{(c.Nullable ? "" : " NOT NULL")}");
                await ExecuteAsync(connection, transaction, $"CREATE TABLE {table.Name} ({string.Join(", ", columns)}, PRIMARY KEY ({table.Key.Name}))", cancellationToken);
                foreach (var index in table.Indexes)
                {
                    await ExecuteAsync(connection, transaction, $"CREATE INDEX {table.Name}_by_{string.Join("_", index)} ON {table.Name} ({string.Join(", ", index)})", cancellationToken);
                }

                foreach (var index in table.PartialIndexes)
                {
                    await ExecuteAsync(connection, transaction, $"CREATE INDEX {PartialIndexName(table, index)} ON {table.Name} ({string.Join(", ", index.Columns)}) WHERE {index.WhereNull} IS NULL", cancellationToken);
                }
            }

            await WriteProjectionAsync(connection, transaction, rows, cancellationToken);
            await ExecuteAsync(connection, transaction, "DELETE FROM meta WHERE key = @key", cancellationToken, ("@key", ProjectionSchemaKey));
            await ExecuteAsync(connection, transaction, "INSERT INTO meta (key, value) VALUES (@key, @value)", cancellationToken, ("@key", ProjectionSchemaKey), ("@value", schemaVersion));
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async IAsyncEnumerable<ProjectionRow> ReadAllAsync(IReadOnlyList<ProjectionTable> schema, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        const int Page = 8192;
        foreach (var table in schema)
        {
            for (var offset = 0; ; offset += Page)
            {
                var page = await QueryAsync(new ProjectionQuery(table) { Offset = offset, Limit = Page }, cancellationToken);
                foreach (var row in page)
                {
                    yield return row;
                }

                if (page.Count < Page)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The meta key under which the projection's schema version is kept.</summary>
    const string ProjectionSchemaKey = "projection_schema";

    /// <summary>The projection tables the first schema (migration 1) created, before the schema came from the record kinds.</summary>
    static readonly string[] LegacyProjectionTables = ["parties", "party_keys", "agreements", "policies", "statements", "commitments", "indicators", "measurements", "attestations"];

    /// <summary>Values per <c>IN (…)</c> list: well under both engines' limits on parameters.</summary>
    const int InChunk = 500;

    // A schema version is one line per table, "name(…)".
    static IEnumerable<string> TableNames(string? schemaVersion) =>
        schemaVersion is null ? [] : schemaVersion.Split('\n').Select(line => line.Split('(')[0]).Where(name => name.All(c => char.IsAsciiLetterLower(c) || c == '_'));

    /// <summary>
    /// The name of a partial index, <c>measurements_by_indicator_period_series_superseded_by_null</c>: at most 63
    /// characters, since PostgreSQL cuts longer names (and the name would no longer say which index it is).
    /// </summary>
    internal static string PartialIndexName(ProjectionTable table, ProjectionPartialIndex index)
    {
        var name = $"{table.Name}_by_{string.Join("_", index.Columns)}_{index.WhereNull}_null";
        return name.Length <= 63 ? name : throw new ArgumentException($"table {table.Name}: the partial index's name '{name}' is longer than 63 characters", nameof(index));
    }

    static string Columns(ProjectionTable table) => string.Join(", ", table.Columns.Select(c => c.Name));

    /// <summary>The statement <see cref="QueryAsync"/> runs for <paramref name="query"/> (its values as parameters <c>@w0</c>, <c>@w1</c>, …).</summary>
    internal static string SelectSql(ProjectionQuery query)
    {
        var table = query.Table;
        var reversed = query.Reversed.Select(c => table.Columns[table.Ordinal(c)].Name).ToHashSet(StringComparer.Ordinal);
        var order = string.Join(", ", query.OrderBy.Select(c => table.Columns[table.Ordinal(c)].Name).Append(table.Key.Name).Distinct().Select(c => query.Descending != reversed.Contains(c) ? c + " DESC" : c));
        var page = query.Limit is { } limit
            ? string.Create(CultureInfo.InvariantCulture, $" LIMIT {limit} OFFSET {query.Offset}")
            : query.Offset > 0 ? string.Create(CultureInfo.InvariantCulture, $" LIMIT -1 OFFSET {query.Offset}") : "";
        return $"SELECT {Columns(table)} FROM {table.Name}{Where(query)} ORDER BY {order}{page}";
    }

    /// <summary>The statement <see cref="CountAsync"/> runs for <paramref name="query"/>.</summary>
    internal static string CountSql(ProjectionQuery query) => $"SELECT COUNT(*) FROM {query.Table.Name}{Where(query)}";

    static string Where(ProjectionQuery query) =>
        query.Where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", query.Where.Select((w, i) =>
            $"{query.Table.Columns[query.Table.Ordinal(w.Key)].Name}{(w.Value is null ? " IS NULL" : $" = @w{i}")}"));

    static (string, object)[] Parameters(ProjectionQuery query) =>
        [.. query.Where.Select((w, i) => (string.Create(CultureInfo.InvariantCulture, $"@w{i}"), w.Value)).Where(p => p.Value is not null).Select(p => (p.Item1, p.Value!))];

    static DbCommand InCommand(DbConnection connection, string sql, object[] values, string suffix) =>
        Command(connection, null, $"{sql} ({string.Join(", ", values.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@v{i}")))}){suffix}",
            [.. values.Select((v, i) => (string.Create(CultureInfo.InvariantCulture, $"@v{i}"), v))]);

    static async Task ReadRowsAsync(DbCommand command, ProjectionTable table, List<ProjectionRow> rows, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new object?[table.Columns.Count];
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : table.Columns[i].Type == ColumnType.Integer ? reader.GetInt64(i) : reader.GetString(i);
            }

            rows.Add(new ProjectionRow(table, values));
        }
    }

    /// <summary>A ledger setting (origin, verifier key), or null.</summary>
    public async Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, null, "SELECT value FROM meta WHERE key = @key", ("@key", key));
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    /// <summary>Sets a ledger setting once; a different value for a set key is refused (origin and key never change).</summary>
    public async Task SetMetaAsync(string key, string value, CancellationToken cancellationToken)
    {
        var existing = await GetMetaAsync(key, cancellationToken);
        if (existing == value)
        {
            return;
        }

        if (existing is not null)
        {
            throw new InvalidOperationException($"the ledger's {key} is already set to another value");
        }

        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, "INSERT INTO meta (key, value) VALUES (@key, @value)", cancellationToken, ("@key", key), ("@value", value));
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    public async Task<bool> AddCosignatureAsync(ulong size, string signatureLine, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(signatureLine);
        if (!signatureLine.StartsWith("— ", StringComparison.Ordinal) || !signatureLine.EndsWith('\n') || signatureLine.Count(c => c == '\n') != 1)
        {
            throw new ArgumentException("a cosignature is one signed-note signature line", nameof(signatureLine));
        }

        if (size > MaxStored)
        {
            return false;
        }

        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            await using var read = Command(connection, transaction, "SELECT note FROM checkpoints WHERE size = @size", ("@size", (long)size));
            if (await read.ExecuteScalarAsync(cancellationToken) is not string note)
            {
                return false;
            }

            if (!note.Contains(signatureLine, StringComparison.Ordinal))
            {
                await ExecuteAsync(connection, transaction, "UPDATE checkpoints SET note = @note WHERE size = @size", cancellationToken, ("@note", note + signatureLine), ("@size", (long)size));
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            await ReleaseConnectionAsync(connection);
        }
    }

    async Task WriteProjectionAsync(DbConnection connection, DbTransaction transaction, IEnumerable<ProjectionRow> rows, CancellationToken cancellationToken)
    {
        // Rows of one table keep their order (a later row for the same key wins); tables are independent.
        foreach (var table in rows.GroupBy(r => r.Table))
        {
            await WriteRowsAsync(connection, transaction, UpsertOf(table.Key),
                table.Select(row => row.Values.Select(v => v ?? DBNull.Value).ToArray()),
                cancellationToken);
        }
    }

    /// <summary>The leaves: appended only, never replaced.</summary>
    protected static readonly RowWrite LeafRows = new("leaves", ["idx", "leaf_hash", "data"], "");

    /// <summary>Hash tiles: a partial tile is replaced by its longer form as the log grows.</summary>
    protected static readonly RowWrite TileRows = new("tiles", ["level", "idx", "data"], "ON CONFLICT (level, idx) DO UPDATE SET data = excluded.data");

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, RowWrite> s_upserts = new(StringComparer.Ordinal);

    /// <summary>A projection table's upsert on its key: a later row for the same key wins. One instance per table, so engines can keep it compiled.</summary>
    static RowWrite UpsertOf(ProjectionTable table) => s_upserts.GetOrAdd(table.Describe(), _ =>
        new RowWrite(table.Name, [.. table.Columns.Select(c => c.Name)],
            $"ON CONFLICT ({table.Key.Name}) DO UPDATE SET " + string.Join(", ", table.Columns.Skip(1).Select(c => $"{c.Name} = excluded.{c.Name}"))));

    /// <summary>
    /// Writes rows (values in <see cref="RowWrite.Columns"/> order: <see cref="long"/>, <see cref="string"/>,
    /// <see cref="byte"/> arrays or <see cref="DBNull"/>) in order, so a later row for the same key wins. This default
    /// sends batches of single-row INSERTs (PostgreSQL: one round trip per few thousand rows); an engine whose
    /// connections cannot batch commands writes its rows its own way (SQLite steps one compiled statement per row).
    /// </summary>
    protected virtual async Task WriteRowsAsync(DbConnection connection, DbTransaction transaction, RowWrite write, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(rows);
        const int RowsPerBatch = 2000;
        var sql = $"{write.Insert} {Tuple(write.Columns.Count)} {write.Suffix}";
        foreach (var chunk in rows.Chunk(RowsPerBatch))
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in chunk)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                for (var i = 0; i < row.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = ParameterName(i);
                    parameter.Value = row[i];
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    static string Tuple(int columns) => "(" + string.Join(", ", Enumerable.Range(0, columns).Select(ParameterName)) + ")";

    static string ParameterName(int i) => string.Create(CultureInfo.InvariantCulture, $"@p{i}");

    static Hash HashOf(DbDataReader reader, int ordinal, string column) =>
        Hash.TryFromBytes(reader.GetFieldValue<byte[]>(ordinal), out var hash) ? hash : throw new InvalidDataException($"{column} does not hold a 32-byte hash");

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value);
        }

        return command;
    }

    static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    protected static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

}
