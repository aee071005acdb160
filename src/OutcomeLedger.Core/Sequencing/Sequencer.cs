using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Sequencing;

/// <summary>
/// Integrates entries into the log in batches. For each batch it checks every entry against the ledger state at its
/// position, appends the accepted ones to the tree, and writes leaves, changed tiles, projection rows and a newly
/// signed checkpoint in one store transaction. A result is returned only after that transaction committed. If the
/// write fails, the in-memory state is reloaded from the store, so it never runs ahead of what is durable.
/// </summary>
public sealed class Sequencer : IDisposable
{
    readonly ILogStore _store;
    readonly NoteSigner _logSigner;
    readonly SemaphoreSlim _gate = new(1, 1);
    LedgerState _state = new();
    TileWriter _tiles = TileWriter.Empty();
    Dictionary<Hash, ulong> _indexByLeafHash = [];

    Sequencer(ILogStore store, NoteSigner logSigner, string origin)
    {
        _store = store;
        _logSigner = logSigner;
        Origin = origin;
    }

    public string Origin { get; }

    public void Dispose() => _gate.Dispose();

    /// <summary>The state as of the last committed batch. Read it only between batches (see <see cref="ReadAsync{T}"/>).</summary>
    public LedgerState State => _state;

    public StoredCheckpoint? Latest { get; private set; }

    public static async Task<Sequencer> OpenAsync(ILogStore store, NoteSigner logSigner, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logSigner);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        var sequencer = new Sequencer(store, logSigner, origin);
        await sequencer.LoadAsync(cancellationToken);
        return sequencer;
    }

    /// <summary>Runs <paramref name="read"/> while no batch is being integrated.</summary>
    public async Task<T> ReadAsync<T>(Func<LedgerState, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return read(_state);
        }
        finally
        {
            _gate.Release();
        }
    }

    async Task LoadAsync(CancellationToken cancellationToken)
    {
        Latest = await _store.GetLatestCheckpointAsync(cancellationToken);
        var size = Latest?.Size ?? 0;
        var byHash = new Dictionary<Hash, ulong>((int)Math.Min(size, int.MaxValue));
        _state = await LedgerReplay.LoadAsync(_store, size, recheck: false, (leaf, _, _) => byHash.TryAdd(leaf.LeafHash, leaf.Index), cancellationToken);
        _indexByLeafHash = byHash;

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
    /// Reloads the state when the store holds a newer checkpoint than this sequencer wrote: another server of a shared
    /// ledger logged entries (this server follows it, or is about to sequence after it). False when already current.
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

            await FollowAsync(latest, cancellationToken);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    // Applies only the entries logged since this sequencer's size (checked when they were admitted), then resumes the tree
    // from the stored right-most tiles. Anything unexpected reloads everything, so the state never half-follows.
    async Task FollowAsync(StoredCheckpoint latest, CancellationToken cancellationToken)
    {
        try
        {
            while (_state.Size < latest.Size)
            {
                var leaves = await _store.ReadLeavesAsync(_state.Size, (int)Math.Min(LedgerReplay.PageSize, latest.Size - _state.Size), cancellationToken);
                if (leaves.Count == 0)
                {
                    throw new InvalidDataException($"the log is missing entry {_state.Size} (its checkpoint says {latest.Size} entries)");
                }

                foreach (var leaf in leaves)
                {
                    if (leaf.Index != _state.Size || !EntryCodec.TryOpen(leaf.Data, out _, out var record, out _))
                    {
                        throw new InvalidDataException($"entry {_state.Size} is missing or cannot be read");
                    }

                    _state.Apply(record!, leaf.LeafHash);
                    _indexByLeafHash[leaf.LeafHash] = leaf.Index;
                }
            }

            var tiles = new Dictionary<(int, ulong), byte[]?>();
            for (var level = 0; TileLayout.HashCount(level, latest.Size) > 0; level++)
            {
                var index = TileLayout.HashCount(level, latest.Size) / TileId.FullWidth;
                tiles[(level, index)] = await _store.ReadTileAsync(level, index, cancellationToken);
            }

            _tiles = TileWriter.Resume(latest.Size, (level, index) => tiles.GetValueOrDefault((level, index)));
            if (_tiles.Root() != latest.Root)
            {
                throw new InvalidDataException($"the stored tiles give root {_tiles.Root()} at size {latest.Size}, but the latest checkpoint says {latest.Root}: run 'outcomes log verify'");
            }

            Latest = latest;
        }
        catch
        {
            await LoadAsync(CancellationToken.None);
            throw;
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
            return await IntegrateAsync(entries, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    async Task<IReadOnlyList<SubmitResult>> IntegrateAsync(IReadOnlyList<PreparedLeaf> entries, CancellationToken cancellationToken)
    {
        var expectedSize = _state.Size;
        var results = new SubmitResult[entries.Count];
        var leaves = new List<StoredLeaf>(entries.Count);
        var rows = new List<ProjectionRow>(entries.Count);
        var inBatch = new Dictionary<Hash, ulong>();
        for (var i = 0; i < entries.Count; i++)
        {
            var leafHash = entries[i].LeafHash;
            if (_indexByLeafHash.TryGetValue(leafHash, out var existing) || inBatch.TryGetValue(leafHash, out existing))
            {
                results[i] = new SubmitResult(SubmitStatus.Duplicate, existing, leafHash, []);
                continue;
            }

            var check = _state.Check(entries[i].Entry);
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

        if (leaves.Count == 0)
        {
            return results;
        }

        var size = _state.Size;
        var root = _tiles.Root();
        var note = new Checkpoint(Origin, size, root).Sign(_logSigner);
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

        foreach (var (hash, index) in inBatch)
        {
            _indexByLeafHash[hash] = index;
        }

        Latest = checkpoint;
        return results.Select(r => r.Status == SubmitStatus.Rejected ? r : r with { CheckpointSize = size }).ToList();
    }
}
