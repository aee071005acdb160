using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// One opened ledger and every use case on it: the CLI's commands and the API's endpoints are thin adapters over
/// this. Queries read the projection (an index into the log) and then the entries it points at, each proven against
/// the latest signed checkpoint, so no answer rests on a changed row and none costs more as the ledger grows. Writes
/// are checked, signed by their author and logged through the one sequencer the session opens on the first write.
/// Publishing (scorecards) replays the log prefix of a checkpoint, proving every entry it reads.
/// </summary>
public sealed partial class LedgerSession : IDisposable
{
    readonly LedgerSessionOptions _options;
    readonly SemaphoreSlim _gate = new(1, 1);
    Sequencer? _sequencer;
    ProvenTiles? _proven;

    public LedgerSession(LedgerSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public string Origin => _options.Origin;

    public VerifierKey LogVerifierKey => _options.LogVerifierKey;

    /// <summary>The log store, for what serves the log itself (tiles, checkpoints, entry bundles).</summary>
    public ILedgerStore Store => _options.Store;

    public IBlobStore Evidence => _options.Evidence;

    public IBatchSha256 Sha256 => _options.Sha256;

    public TimeProvider Time => _options.Time;

    /// <summary>Now, to the second, as records carry it.</summary>
    public DateTimeOffset Now()
    {
        var now = Time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>The latest checkpoint, its signature verified with the log's key; null for an empty log.</summary>
    public async Task<StoredCheckpoint?> LatestCheckpointAsync(CancellationToken cancellationToken)
    {
        var latest = await Store.GetLatestCheckpointAsync(cancellationToken);
        if (latest is not null)
        {
            Verify(latest);
        }

        return latest;
    }

    /// <summary>The checkpoint of exactly <paramref name="size"/> entries, verified; a size without one is a request error naming the sizes there are.</summary>
    public async Task<StoredCheckpoint> CheckpointAsync(ulong size, CancellationToken cancellationToken)
    {
        if (await Store.GetCheckpointAsync(size, cancellationToken) is not { } found)
        {
            // Only the error lists what there is (the latest ten sizes).
            var checkpoints = await Store.GetCheckpointsAsync(cancellationToken);
            throw new LedgerRequestException(LedgerError.NotFound, "at", $"no checkpoint of size {size}; sizes with checkpoints: {string.Join(", ", checkpoints.TakeLast(10).Select(c => c.Size))}");
        }

        Verify(found);
        return found;
    }

    // A stored checkpoint counts only if the log's key signed exactly it.
    void Verify(StoredCheckpoint checkpoint)
    {
        if (!Checkpoint.TryOpen(System.Text.Encoding.UTF8.GetBytes(checkpoint.Note), LogVerifierKey.CreateVerifier(), null, out var signed, out var error))
        {
            throw new LogMismatchException($"checkpoint {checkpoint.Size} is not signed by the log's key ({error}): run 'outcomes log verify'");
        }

        if (signed.Checkpoint.TreeSize != checkpoint.Size || signed.Checkpoint.RootHash != checkpoint.Root)
        {
            throw new LogMismatchException($"checkpoint {checkpoint.Size}: the signed note says size {signed.Checkpoint.TreeSize} root {signed.Checkpoint.RootHash}, the stored row says root {checkpoint.Root}: run 'outcomes log verify'");
        }
    }

    /// <summary>The hash tiles of a checkpoint, proven against its signed root (kept for the latest checkpoint).</summary>
    public async Task<ProvenTiles> ProvenTilesAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (_proven is { } kept && kept.TreeSize == checkpoint.Size && kept.Root == checkpoint.Root)
        {
            return kept;
        }

        var proven = await ProvenTiles.OpenAsync(checkpoint.Size, checkpoint.Root, ReadTileAsync, Sha256, cancellationToken);
        _proven = proven;
        return proven;
    }

    // A stored tile is full or the widest partial one written so far: a narrower one is its prefix (c2sp.org/tlog-tiles).
    async Task<byte[]?> ReadTileAsync(TileId tile, CancellationToken cancellationToken)
    {
        var bytes = await Store.ReadTileAsync(tile.Level, tile.Index, cancellationToken);
        var length = tile.Width * Hash.Size;
        return bytes is null || bytes.Length < length ? null : bytes.Length == length ? bytes : bytes[..length];
    }

    /// <summary>
    /// The entries at <paramref name="indices"/> (those below the latest checkpoint), each opened and proven to be the
    /// entry the signed checkpoint's tree holds at its index.
    /// </summary>
    /// <exception cref="LogMismatchException">An entry's stored bytes are not what the log holds.</exception>
    public async Task<IReadOnlyDictionary<ulong, OpenedEntry>> ReadEntriesAsync(IReadOnlyCollection<ulong> indices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var result = new Dictionary<ulong, OpenedEntry>(indices.Count);
        if (indices.Count == 0 || await LatestCheckpointAsync(cancellationToken) is not { } latest)
        {
            return result;
        }

        var wanted = indices.Where(i => i < latest.Size).Distinct().ToList();
        var leaves = await Store.ReadLeavesAtAsync(wanted, cancellationToken);
        if (leaves.Count != wanted.Count)
        {
            var missing = wanted.Except(leaves.Select(l => l.Index)).First();
            throw new LogMismatchException($"entry {missing} is missing from the store, though checkpoint {latest.Size} holds it: run 'outcomes log verify'");
        }

        var hashes = new Hash[leaves.Count];
        Rfc6962.HashLeaves([.. leaves.Select(l => (ReadOnlyMemory<byte>)l.Data)], hashes, Sha256);
        var tiles = await ProvenTilesAsync(latest, cancellationToken);
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i];
            var logged = await tiles.LeafHashAsync(leaf.Index, cancellationToken);
            if (hashes[i] != logged)
            {
                throw new LogMismatchException($"entry {leaf.Index} does not match the log: its stored bytes hash to {hashes[i]}, but the tree of signed checkpoint {latest.Size} holds {logged}; it was changed in the database: run 'outcomes log verify'");
            }

            if (!EntryCodec.TryOpen(leaf.Data, out _, out var record, out var error))
            {
                throw new LogMismatchException($"entry {leaf.Index} is logged but cannot be read: {error}");
            }

            result[leaf.Index] = new OpenedEntry(record!, leaf.Index, logged, leaf.Data);
        }

        return result;
    }

    /// <summary>The sequencer of this ledger, opened (with the log's key) on first use; one per session.</summary>
    public async Task<Sequencer> SequencerAsync(CancellationToken cancellationToken)
    {
        if (_sequencer is { } open)
        {
            return open;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_options.LogSigner is not { } signer)
            {
                throw new LedgerRequestException(LedgerError.Forbidden, "this ledger was opened without its log key, so it cannot log entries");
            }

            if (_sequencer is null)
            {
                _options.BeforeWrite?.Invoke();
                _sequencer = await Sequencer.OpenAsync(Store, signer(), Origin, Time, cancellationToken);
            }

            return _sequencer;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _sequencer?.Dispose();
        _gate.Dispose();
    }
}
