using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Sequencing;

/// <summary>
/// Integrates entries into the log in batches. For each batch it loads from the projection what the entries' checks
/// need, checks every entry against the ledger state at its position, appends the accepted ones to the tree, and
/// writes leaves, changed tiles, projection rows and a newly signed checkpoint in one store transaction. A result is
/// returned only after that transaction committed. Its state is loaded on demand (<see cref="StateLoader"/>), so
/// opening it and writing cost the same whatever the ledger's size; if a write fails, the state is loaded again from
/// the store, so it never runs ahead of what is durable.
/// </summary>
public sealed class Sequencer : IDisposable
{
    readonly ILedgerStore _store;
    readonly NoteSigner _logSigner;
    readonly TimeProvider _clock;
    readonly SemaphoreSlim _gate = new(1, 1);
    LedgerState _state = new();
    TileWriter _tiles = TileWriter.Empty();

    Sequencer(ILedgerStore store, NoteSigner logSigner, string origin, TimeProvider clock)
    {
        _store = store;
        _logSigner = logSigner;
        _clock = clock;
        Origin = origin;
    }

    public string Origin { get; }

    public void Dispose() => _gate.Dispose();

    public StoredCheckpoint? Latest { get; private set; }

    /// <summary>The log time of <see cref="Latest"/>, or null when it states none (empty, or signed before log time existed).</summary>
    public DateTimeOffset? LatestLogTime { get; private set; }

    /// <summary>
    /// Told of every batch once it committed (never of one that failed or appended nothing), on the sequencing thread:
    /// for metrics, so it must be quick and must not throw.
    /// </summary>
    public Action<CommittedBatch>? Committed { get; set; }

    /// <summary>The log size the sequencer stands at.</summary>
    public ulong Size => _state.Size;

    /// <summary>The state as of the last committed batch, loaded on demand: it answers lookups of parties and keys, not lists.</summary>
    public LedgerState State => _state;

    /// <summary>
    /// Opens the sequencer of a store. <paramref name="clock"/> is the log's clock (<see cref="LogTime"/>): each batch's
    /// checkpoint states its time, and entries are checked against it.
    /// </summary>
    public static async Task<Sequencer> OpenAsync(ILedgerStore store, NoteSigner logSigner, string origin, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logSigner);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        ArgumentNullException.ThrowIfNull(clock);
        var sequencer = new Sequencer(store, logSigner, origin, clock);
        await sequencer.LoadAsync(cancellationToken);
        return sequencer;
    }

    async Task LoadAsync(CancellationToken cancellationToken)
    {
        Latest = await _store.GetLatestCheckpointAsync(cancellationToken);
        LatestLogTime = Latest is null ? null : LogTime.Of(Latest.Note);
        var size = Latest?.Size ?? 0;
        _state = await StateLoader.OpenAsync(_store, size, cancellationToken);

        // The right-most tile of each level: all the tile writer needs to continue the tree.
        var tiles = new Dictionary<(int, ulong), byte[]?>();
        for (var level = 0; TileLayout.HashCount(level, size) > 0; level++)
        {
            var index = TileLayout.HashCount(level, size) / TileId.FullWidth;
            tiles[(level, index)] = await _store.ReadTileAsync(level, index, cancellationToken);
        }

        _tiles = TileWriter.Resume(size, (level, index) => tiles.GetValueOrDefault((level, index)));
        if (Latest is not null && _tiles.Root() != Latest.Root)
        {
            throw new InvalidDataException($"the stored tiles give root {_tiles.Root()} at size {size}, but the latest checkpoint says {Latest.Root}: run 'outcomes log verify'");
        }
    }

    /// <summary>
    /// Loads the state again when the store holds a newer checkpoint than this sequencer wrote: another writer of the
    /// ledger logged entries. False when already current.
    /// </summary>
    public async Task<bool> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var latest = await _store.GetLatestCheckpointAsync(cancellationToken);
            if (latest is null || latest.Size == (Latest?.Size ?? 0))
            {
                return false;
            }

            await LoadAsync(cancellationToken);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Checks and logs a batch of entries (canonical DSSE envelopes), returning one result per entry in order.</summary>
    public Task<IReadOnlyList<SubmitResult>> SubmitAsync(IReadOnlyList<byte[]> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);

        // Hashing, parsing and signature verification need no earlier entry: done in parallel. The rules, key
        // revocations included, are then checked in order.
        var prepared = new PreparedLeaf[entries.Count];
        Parallel.For(0, entries.Count, i => prepared[i] = Prepare(entries[i]));
        return SubmitPreparedAsync(prepared, cancellationToken);
    }

    /// <summary>
    /// The work on one entry that needs no earlier entry (leaf hash, opening, signature check with the keys known so
    /// far): thread-safe at any time, also while a batch is integrated, so submitters do it on their own threads.
    /// </summary>
    public PreparedLeaf Prepare(byte[] entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new PreparedLeaf(entry, Rfc6962.HashLeaf(entry), _state.Prepare(entry));
    }

    /// <summary>Checks and logs a batch of prepared entries, returning one result per entry in order.</summary>
    public async Task<IReadOnlyList<SubmitResult>> SubmitPreparedAsync(IReadOnlyList<PreparedLeaf> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await IntegrateAsync(entries, cancellationToken);
                }
                catch (LogConflictException) when (attempt < MaxRebases)
                {
                    // Another writer of the ledger (a second command on a SQLite folder) logged first. IntegrateAsync
                    // reloaded the state at the new head: the batch is checked again there, as if submitted after it
                    // (a duplicate of what the other logged is found, a rule it now breaks refuses it).
                    entries = [.. entries.Select(e => Prepare(e.Data))];
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    // Each conflict means another writer made progress; this many in a row means something else is wrong.
    const int MaxRebases = 100;

    async Task<IReadOnlyList<SubmitResult>> IntegrateAsync(IReadOnlyList<PreparedLeaf> entries, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var expectedSize = _state.Size;
        var results = new SubmitResult[entries.Count];
        var leaves = new List<StoredLeaf>(entries.Count);
        var rows = new List<ProjectionRow>(entries.Count);
        var inBatch = new Dictionary<Hash, ulong>();

        // The batch's log time: the clock, never before the previous checkpoint's (a clock set back cannot reorder history).
        var logTime = LogTime.Truncate(_clock.GetUtcNow());
        if (LatestLogTime is { } previous && previous > logTime)
        {
            logTime = previous;
        }

        try
        {
            await StateLoader.LoadAsync(_state, StateNeeds.Of(entries.Select(e => e.Entry.Record).OfType<LedgerRecord>()), _store, cancellationToken);
            for (var i = 0; i < entries.Count; i++)
            {
                var leafHash = entries[i].LeafHash;
                var record = entries[i].Entry.Record;
                var duplicate = inBatch.TryGetValue(leafHash, out var inThisBatch) ? inThisBatch : record is null ? null : _state.FindDuplicate(record, leafHash);
                if (duplicate is { } existing)
                {
                    results[i] = new SubmitResult(SubmitStatus.Duplicate, existing, leafHash, []);
                    continue;
                }

                var check = _state.Check(entries[i].Entry);
                if (check.IsAccepted && LogTime.Check(check.Record!, logTime) is { Count: > 0 } untimely)
                {
                    check = EntryCheck.Rejected(untimely);
                }

                if (!check.IsAccepted)
                {
                    results[i] = new SubmitResult(SubmitStatus.Rejected, null, leafHash, check.Errors);
                    continue;
                }

                var index = _state.Size;
                _state.Apply(check.Record!, leafHash);
                _tiles.Append(leafHash);
                rows.AddRange(Projection.RowsFor(check.Record!, index, _state));
                leaves.Add(new StoredLeaf(index, leafHash, entries[i].Data));
                inBatch[leafHash] = index;
                results[i] = new SubmitResult(SubmitStatus.Accepted, index, leafHash, []);
            }
        }
        catch
        {
            // A load that failed or a bug half-way: nothing of this batch is written; start again from the store.
            await LoadAsync(CancellationToken.None);
            throw;
        }

        if (leaves.Count == 0)
        {
            _state.ForgetLoaded();
            return results;
        }

        var size = _state.Size;
        var root = _tiles.Root();
        var note = new Checkpoint(Origin, size, root, [LogTime.ExtensionLine(logTime)]).Sign(_logSigner);
        var checkpoint = new StoredCheckpoint(size, root, note.ToString());
        var tiles = _tiles.TakeChanged().Select(t => new StoredTile(t.Tile.Level, t.Tile.Index, t.Bytes)).ToList();
        try
        {
            await _store.AppendAsync(new LogBatch(expectedSize, leaves, tiles, rows, checkpoint), cancellationToken);
        }
        catch
        {
            // Nothing of this batch is durable: drop it from memory too, then report the failure to every submitter.
            await LoadAsync(CancellationToken.None);
            throw;
        }

        Latest = checkpoint;
        LatestLogTime = logTime;
        _state.ForgetLoaded();
        Committed?.Invoke(new CommittedBatch(entries.Count, leaves.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started), size));
        return results.Select(r => r.Status == SubmitStatus.Rejected ? r : r with { CheckpointSize = size }).ToList();
    }
}
