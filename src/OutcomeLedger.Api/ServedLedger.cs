using OutcomeLedger.Api.Features.Log;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Tiles;
using OutcomeLedger.Hashing.IpsecMb;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api;

/// <summary>
/// The ledger this server serves: its folder and session (the use cases every endpoint calls), the one sequencer that
/// writes it, the cache of full tiles that both the tile endpoints and the proofs read through, and the scorecards and
/// renderings of the latest checkpoint. Opening it reads no more than the latest checkpoint and the parties, whatever
/// the ledger's size: the complete state that scorecards and listing pages need is replayed (every entry proven) in
/// the background from the start, and those requests wait for it; everything else is answered at once.
/// </summary>
public sealed class ServedLedger : IAsyncDisposable
{
    const int MaxRenderedPerCheckpoint = 1024;

    readonly CancellationTokenSource _stopping = new();
    readonly Task<ReplayedState> _replayed;
    CheckpointViews? _views;
    PartiesAt? _parties;

    ServedLedger(LedgerFolder folder, Sequencer sequencer, Sha256Choice sha256)
    {
        Folder = folder;
        Sequencer = sequencer;
        Sha256 = sha256;
        _replayed = Task.Run(() => ReplayedState.LoadAsync(folder.Session, _stopping.Token));
    }

    public LedgerFolder Folder { get; }

    /// <summary>The use cases on the ledger: what the endpoints call.</summary>
    public LedgerSession Session => Folder.Session;

    public Sequencer Sequencer { get; }

    public ILogStore Store => Folder.Store;

    public string Origin => Folder.Origin;

    /// <summary>The batch SHA-256 its host chose for hashing many leaves or nodes at once, and which one it is.</summary>
    public Sha256Choice Sha256 { get; }

    /// <summary>Full hash tiles and entry bundles, which never change: read from the store once, then served and used from here.</summary>
    internal TileCache Tiles { get; } = new();

    public static Task<ServedLedger> OpenAsync(string ledger, Sha256Choice sha256, CancellationToken cancellationToken) =>
        OpenAsync(ledger, sha256, evidenceFolder: null, cancellationToken);

    /// <summary>Opens the ledger and its sequencer; evidence files in <paramref name="evidenceFolder"/> when given.</summary>
    public static Task<ServedLedger> OpenAsync(string ledger, Sha256Choice sha256, string? evidenceFolder, CancellationToken cancellationToken) =>
        OpenAsync(ledger, sha256, evidenceFolder, TimeProvider.System, cancellationToken);

    /// <summary>As the overload without it, with <paramref name="clock"/> as the log's clock (the server's).</summary>
    public static async Task<ServedLedger> OpenAsync(string ledger, Sha256Choice sha256, string? evidenceFolder, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        ArgumentNullException.ThrowIfNull(clock);
        var folder = await LedgerFolder.OpenAsync(ledger, sha256.Hasher, evidenceFolder, cancellationToken);
        try
        {
            folder.Clock = clock;

            // A SQLite folder is this server's alone while it runs: commands' writes are refused, naming it.
            await folder.HoldWriterAsync(cancellationToken);
            var sequencer = await folder.Session.SequencerAsync(cancellationToken);
            return new ServedLedger(folder, sequencer, sha256);
        }
        catch
        {
            await folder.DisposeAsync();
            throw;
        }
    }

    /// <summary>A ledger on PostgreSQL, which several servers may serve at once (one of them sequencing).</summary>
    public bool IsShared => Folder.IsShared;

    /// <summary>Catches up with entries another server logged; false when nothing was new.</summary>
    public async Task<bool> CatchUpAsync(CancellationToken cancellationToken)
    {
        var caughtUp = await Sequencer.CatchUpAsync(cancellationToken);
        _parties = null;
        return (_replayed.IsCompletedSuccessfully && await _replayed.Result.CatchUpAsync(cancellationToken)) || caughtUp;
    }

    /// <summary>
    /// Runs a read of the complete ledger state, which stands at least at the sequencer's latest checkpoint (a writer
    /// reads its own writes); the first reads after start wait for the replay.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<LedgerState, T> read, CancellationToken cancellationToken) =>
        await (await _replayed.WaitAsync(cancellationToken)).ReadAsync(Sequencer.Latest?.Size ?? 0, (state, _) => read(state), cancellationToken);

    /// <summary>
    /// Every party and its keys as of the sequencer's latest checkpoint, loaded once per checkpoint (a handful of rows):
    /// what the access checks of every write consult.
    /// </summary>
    public async Task<LedgerState> PartiesAsync(CancellationToken cancellationToken)
    {
        var size = Sequencer.Latest?.Size ?? 0;
        var kept = _parties;
        if (kept is null || kept.Size != size)
        {
            kept = new PartiesAt(size, Session.PartyStateAsync(cancellationToken));
            _parties = kept;
        }

        return await kept.State;
    }

    sealed record PartiesAt(ulong Size, Task<LedgerState> State);

    /// <summary>
    /// The first <paramref name="width"/> hashes of tile (level, index), or null when the store has no tile that wide.
    /// </summary>
    // c2sp.org/tlog-tiles: a partial tile is a prefix of the full one.
    public async Task<byte[]?> ReadTileAsync(int level, ulong index, int width, CancellationToken cancellationToken)
    {
        var (_, bytes) = await ReadStoredHashTileAsync(level, index, cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        var length = width * Hash.Size;
        return bytes.Length < length ? null : bytes.Length == length ? bytes : bytes[..length];
    }

    /// <summary>
    /// A hash tile or entry bundle as served, or null when the log does not hold it (yet). A full one comes from
    /// <see cref="Tiles"/>, or from the store and is then kept there. A partial one is never kept: a partial hash tile
    /// is the prefix of the full one when that is kept, and is read from the store otherwise, as a partial bundle is.
    /// </summary>
    internal async Task<ServedFile?> ReadTileFileAsync(TileId tile, CancellationToken cancellationToken)
    {
        if (tile.IsEntries)
        {
            var key = TileCache.KeyOf(tile);
            if (!tile.IsPartial && Tiles.TryGet(key, out var cached))
            {
                return cached;
            }

            var leaves = await Store.ReadLeavesAsync(tile.Index * TileId.FullWidth, tile.Width, cancellationToken);
            if (leaves.Count != tile.Width)
            {
                return null;
            }

            var bundle = new ServedFile(EntryBundle.Encode([.. leaves.Select(l => (ReadOnlyMemory<byte>)l.Data)]));
            // The store had all of its width, so it is final; a partial bundle is never kept.
            if (!tile.IsPartial)
            {
                Tiles.Add(key, bundle);
            }

            return bundle;
        }

        if (!tile.IsPartial)
        {
            return (await ReadStoredHashTileAsync(tile.Level, tile.Index, cancellationToken)).Full;
        }

        var hashes = await ReadTileAsync(tile.Level, tile.Index, tile.Width, cancellationToken);
        return hashes is null ? null : new ServedFile(hashes);
    }

    /// <summary>
    /// Hash tile (level, index) as the store holds it, partial or full, and as a served file when it is full: from the
    /// cache, else from the store (a full one is then kept; a partial one never is).
    /// </summary>
    async Task<(ServedFile? Full, byte[]? Stored)> ReadStoredHashTileAsync(int level, ulong index, CancellationToken cancellationToken)
    {
        var key = TileCache.KeyOf(TileId.Hash(level, index));
        if (Tiles.TryGet(key, out var full))
        {
            return (full, full.Body);
        }

        var stored = await Store.ReadTileAsync(level, index, cancellationToken);
        if (stored is null || stored.Length != TileId.FullWidth * Hash.Size)
        {
            return (null, stored);
        }

        full = new ServedFile(stored);
        Tiles.Add(key, full);
        return (full, stored);
    }

    /// <summary>
    /// Stored hashes of the tree of <paramref name="treeSize"/> needed to compute the proofs <paramref name="compute"/>
    /// asks for: a first pass records which tiles it reads (the tiles a proof needs depend only on the sizes and
    /// indices), then they are read from the store and the proof is computed from them.
    /// </summary>
    public async Task<T> ComputeFromTilesAsync<T>(ulong treeSize, Func<IMerkleHashes, T> compute, CancellationToken cancellationToken)
    {
        var needed = new HashSet<TileId>();
        compute(new TileHashReader(treeSize, tile =>
        {
            needed.Add(tile);
            return new byte[tile.Width * Hash.Size];
        }));
        var tiles = new Dictionary<TileId, byte[]>();
        foreach (var tile in needed)
        {
            tiles[tile] = await ReadTileAsync(tile.Level, tile.Index, tile.Width, cancellationToken)
                ?? throw new InvalidDataException($"tile {tile.Path} is missing from the store");
        }

        return compute(new TileHashReader(treeSize, tile => tiles[tile]));
    }

    /// <summary>
    /// An agreement's scorecard at the latest checkpoint, or null when the agreement is not in the log. Evaluated once per
    /// checkpoint: an evaluation is a pure function of the log prefix, so the result for a size never changes, and a new
    /// checkpoint simply starts a new set. A hit takes no lock, so readers never wait for a batch being integrated.
    /// </summary>
    public async Task<Scorecard?> GetScorecardAsync(AgreementId agreement, CancellationToken cancellationToken)
    {
        if (Sequencer.Latest is { } latest && ViewsAt(latest.Size)?.Scorecards.TryGetValue(agreement, out var cached) == true)
        {
            return cached;
        }

        // The state and the checkpoint it stands at, together; the first of many waiting readers evaluates.
        var replayed = await _replayed.WaitAsync(cancellationToken);
        return await replayed.ReadAsync(Sequencer.Latest?.Size ?? 0, (state, at) =>
        {
            if (at is null || !state.Agreements.ContainsKey(agreement))
            {
                return null;
            }

            var views = ViewsAt(at.Size);
            if (views?.Scorecards.TryGetValue(agreement, out var scorecard) == true)
            {
                return scorecard;
            }

            scorecard = Evaluator.Evaluate(state, new ScorecardCheckpoint(Origin, at.Size, at.Root.ToBase64(), at.Note), agreement);
            views?.Scorecards.TryAdd(agreement, scorecard);
            return scorecard;
        }, cancellationToken);
    }

    /// <summary>
    /// The scorecard of <paramref name="agreement"/> at the latest checkpoint as of <paramref name="asOf"/>, from the
    /// replayed state (not kept: any earlier date may be asked for), or null when the agreement is not in the log. A date
    /// after the checkpoint's log time throws <see cref="LedgerRequestException"/> naming <c>as-of</c>, as the CLI's
    /// <c>--as-of</c> does.
    /// </summary>
    public async Task<Scorecard?> GetScorecardAsync(AgreementId agreement, DateOnly asOf, CancellationToken cancellationToken)
    {
        var replayed = await _replayed.WaitAsync(cancellationToken);
        return await replayed.ReadAsync(Sequencer.Latest?.Size ?? 0, (state, at) =>
            at is null || !state.Agreements.ContainsKey(agreement) ? null : Session.Evaluate(state, at, agreement, asOf), cancellationToken);
    }

    /// <summary>The rendering named <paramref name="key"/> kept for checkpoint <paramref name="size"/>, or null; takes no lock.</summary>
    public byte[]? RenderedOrNull(string key, ulong size) =>
        ViewsAt(size)?.Rendered.TryGetValue(key, out var bytes) == true ? bytes : null;

    /// <summary>
    /// A rendering (scorecard format and language, a page…, named by <paramref name="key"/>) of the log at checkpoint
    /// <paramref name="size"/>, made once per checkpoint. Only the latest checkpoint's renderings are kept.
    /// </summary>
    public byte[] Rendered(string key, ulong size, Func<byte[]> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var views = ViewsAt(size);
        if (views?.Rendered.TryGetValue(key, out var bytes) == true)
        {
            return bytes;
        }

        bytes = render();
        if (views is not null && views.Rendered.Count < MaxRenderedPerCheckpoint)
        {
            views.Rendered.TryAdd(key, bytes);
        }

        return bytes;
    }

    /// <summary>The cached views of checkpoint <paramref name="size"/>, replacing an older one's; null for a size older than the cached one.</summary>
    CheckpointViews? ViewsAt(ulong size)
    {
        while (true)
        {
            var views = Volatile.Read(ref _views);
            if (views is not null && views.Size >= size)
            {
                return views.Size == size ? views : null;
            }

            var fresh = new CheckpointViews(size);
            if (Interlocked.CompareExchange(ref _views, fresh, views) == views)
            {
                return fresh;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        // However the background replay ended (stopped, a changed log refused, the database gone), its readers were
        // told; closing the ledger must still release the folder.
        await ((Task)_replayed).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_replayed.IsCompletedSuccessfully)
        {
            _replayed.Result.Dispose();
        }

        _stopping.Dispose();
        await Folder.DisposeAsync();
    }
}
