using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Storage.Postgres;

/// <summary>
/// The durable queue in front of the one sequencer of a ledger shared by several servers (migration 3). A server
/// enqueues each entry it accepted and waits for its outcome; whichever server holds the <see cref="SequencerLock"/>
/// takes pending entries in order, logs them, and records each outcome. An outcome recorded late (the sequencer died
/// between its log commit and this record) is found again by the next sequencer: the entry is then a duplicate at its
/// original index, so nothing is logged twice and no acknowledgement is lost.
/// </summary>
public sealed class PostgresEntryQueue : IEntryQueue, ISequencerLock
{
    /// <summary>Notified when an entry is queued: wakes the sequencer.</summary>
    public const string PendingChannel = "outcomes_pending";

    /// <summary>Notified when outcomes are recorded: wakes the waiting servers (and lets them catch up with the log).</summary>
    public const string SequencedChannel = "outcomes_sequenced";

    /// <summary>The first key of the sequencer's advisory lock (the second is the schema's hash).</summary>
    internal const int LockClass = 7272;

    readonly NpgsqlDataSource _dataSource;
    readonly string _connectionString;

    internal PostgresEntryQueue(NpgsqlDataSource dataSource, string connectionString)
    {
        _dataSource = dataSource;
        _connectionString = connectionString;
    }

    /// <summary>Queues an entry and wakes the sequencer; returns its queue id.</summary>
    public async Task<long> EnqueueAsync(byte[] leaf, Hash leafHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        await using var command = _dataSource.CreateCommand(
            $"WITH queued AS (INSERT INTO pending_entries (leaf, leaf_hash) VALUES (@leaf, @hash) RETURNING id) SELECT id, pg_notify('{PendingChannel}', '') FROM queued");
        command.Parameters.AddWithValue("leaf", leaf);
        command.Parameters.AddWithValue("hash", leafHash.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0);
    }

    /// <summary>The oldest pending entries, at most <paramref name="max"/>, in queue order.</summary>
    public async Task<IReadOnlyList<QueuedEntry>> PendingAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await using var command = _dataSource.CreateCommand("SELECT id, leaf FROM pending_entries WHERE status IS NULL ORDER BY id LIMIT @max");
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<QueuedEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new QueuedEntry(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
        }

        return entries;
    }

    /// <summary>Records the outcome of each entry (after its batch committed to the log) and wakes the waiting servers.</summary>
    public async Task CompleteAsync(IReadOnlyList<(long Id, SubmitResult Result)> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return;
        }

        await using var command = _dataSource.CreateCommand(
            "WITH done AS (UPDATE pending_entries AS p SET status = o.status, log_index = o.log_index, checkpoint_size = o.checkpoint_size, errors = o.errors, answered_at = now() " +
            "FROM unnest(@ids, @statuses, @indexes, @sizes, @errors) AS o(id, status, log_index, checkpoint_size, errors) WHERE p.id = o.id RETURNING p.id) " +
            $"SELECT count(*), pg_notify('{SequencedChannel}', '') FROM done");
        command.Parameters.AddWithValue("ids", outcomes.Select(o => o.Id).ToArray());
        command.Parameters.AddWithValue("statuses", outcomes.Select(o => o.Result.Status.ToString().ToLowerInvariant()).ToArray());
        command.Parameters.Add(new NpgsqlParameter<long?[]>("indexes", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = outcomes.Select(o => (long?)o.Result.Index).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long?[]>("sizes", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = outcomes.Select(o => (long?)o.Result.CheckpointSize).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string?[]>("errors", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            TypedValue = outcomes.Select(o => o.Result.Errors.Count == 0 ? null : JsonSerializer.Serialize(o.Result.Errors, StorageJson.Default.IReadOnlyListValidationError)).ToArray(),
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The recorded outcomes of those of <paramref name="ids"/> that have one.</summary>
    public async Task<IReadOnlyList<(long Id, SubmitResult Result)>> OutcomesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var command = _dataSource.CreateCommand(
            "SELECT id, status, log_index, leaf_hash, errors, checkpoint_size FROM pending_entries WHERE id = ANY(@ids) AND status IS NOT NULL");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var outcomes = new List<(long, SubmitResult)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = Enum.Parse<SubmitStatus>(reader.GetString(1), ignoreCase: true);
            ulong? index = reader.IsDBNull(2) ? null : (ulong)reader.GetInt64(2);
            var leafHash = Hash.TryFromBytes(reader.GetFieldValue<byte[]>(3), out var hash) ? hash : throw new InvalidDataException("pending_entries.leaf_hash does not hold a 32-byte hash");
            var errors = reader.IsDBNull(4) ? [] : JsonSerializer.Deserialize(reader.GetString(4), StorageJson.Default.ListValidationError) ?? [];
            ulong? size = reader.IsDBNull(5) ? null : (ulong)reader.GetInt64(5);
            outcomes.Add((reader.GetInt64(0), new SubmitResult(status, index, leafHash, errors, size)));
        }

        return outcomes;
    }

    /// <summary>Deletes answered entries (the log keeps the logged ones).</summary>
    public async Task ForgetAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var command = _dataSource.CreateCommand("DELETE FROM pending_entries WHERE id = ANY(@ids) AND status IS NOT NULL");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes outcomes answered longer than <paramref name="age"/> ago that no server collected (it died while its client
    /// waited); returns how many. The log keeps every logged entry regardless.
    /// </summary>
    public async Task<int> ForgetUncollectedAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM pending_entries WHERE status IS NOT NULL AND answered_at < now() - @age");
        command.Parameters.AddWithValue("age", age);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Takes the sequencer lock if no other server holds it; null otherwise.</summary>
    public Task<SequencerLock?> TryLockSequencerAsync(CancellationToken cancellationToken) => SequencerLock.TryTakeAsync(_connectionString, cancellationToken);

    /// <summary>Listens for recorded outcomes (<see cref="SequencedChannel"/>).</summary>
    public Task<QueueListener> ListenForOutcomesAsync(CancellationToken cancellationToken) => QueueListener.OpenAsync(_connectionString, SequencedChannel, cancellationToken);

    async Task<IQueueSignal> IEntryQueue.ListenForOutcomesAsync(CancellationToken cancellationToken) => await ListenForOutcomesAsync(cancellationToken);

    async Task<IQueueSignal?> ISequencerLock.TryTakeAsync(CancellationToken cancellationToken) => await TryLockSequencerAsync(cancellationToken);

    /// <summary>
    /// A session of its own, outside the pool: closing it ends the session, and with it the session's advisory locks and
    /// listens (a pooled connection would keep both alive after release).
    /// </summary>
    internal static async Task<NpgsqlConnection> OpenSessionAsync(string connectionString, string applicationName, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = applicationName,
            // A server that vanishes without closing its socket (a network partition) is found dead within seconds.
            KeepAlive = 5,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

}
