using System.Collections.Concurrent;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency;
using OutcomeLedger.Core.Transparency.Tiles;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api;

/// <summary>
/// The ledger this server serves: its folder and store, the one sequencer that writes it, and a cache of full hash
/// tiles (immutable once full, so cached without expiry).
/// </summary>
public sealed class ServedLedger : IAsyncDisposable
{
    const int MaxCachedTiles = 4096;

    const int MaxCachedScorecards = 64;

    readonly ConcurrentDictionary<(int Level, ulong Index), byte[]> _fullTiles = new();
    readonly ConcurrentDictionary<(string Agreement, ulong Size), Scorecard> _scorecards = new();
    readonly ConcurrentDictionary<(string Key, ulong Size), byte[]> _rendered = new();

    ServedLedger(LedgerFolder folder, Sequencer sequencer)
    {
        Folder = folder;
        Sequencer = sequencer;
    }

    public LedgerFolder Folder { get; }

    public Sequencer Sequencer { get; }

    public ILogStore Store => Folder.Store;

    public string Origin => Folder.Origin;

    public static async Task<ServedLedger> OpenAsync(string ledger, CancellationToken cancellationToken)
    {
        var folder = await LedgerFolder.OpenAsync(ledger, cancellationToken);
        try
        {
            var sequencer = await folder.OpenSequencerAsync(cancellationToken);
            return new ServedLedger(folder, sequencer);
        }
        catch
        {
            await folder.DisposeAsync();
            throw;
        }
    }

    /// <summary>A ledger on PostgreSQL, which several servers may serve at once (one of them sequencing).</summary>
    public bool IsShared => Folder.Store is Storage.Postgres.PostgresLogStore;

    /// <summary>Catches up with entries another server logged; false when nothing was new.</summary>
    public Task<bool> CatchUpAsync(CancellationToken cancellationToken) => Sequencer.CatchUpAsync(cancellationToken);

    /// <summary>Runs a read of the ledger state between batches.</summary>
    public Task<T> ReadAsync<T>(Func<LedgerState, T> read, CancellationToken cancellationToken) => Sequencer.ReadAsync(read, cancellationToken);

    /// <summary>
    /// The first <paramref name="width"/> hashes of tile (level, index), or null when the store has no tile that wide.
    /// </summary>
    // c2sp.org/tlog-tiles: a partial tile is a prefix of the full one.
    public async Task<byte[]?> ReadTileAsync(int level, ulong index, int width, CancellationToken cancellationToken)
    {
        if (!_fullTiles.TryGetValue((level, index), out var bytes))
        {
            bytes = await Store.ReadTileAsync(level, index, cancellationToken);
            if (bytes is null)
            {
                return null;
            }

            if (bytes.Length == TileId.FullWidth * Hash.Size && _fullTiles.Count < MaxCachedTiles)
            {
                _fullTiles.TryAdd((level, index), bytes);
            }
        }

        var length = width * Hash.Size;
        return bytes.Length < length ? null : bytes.Length == length ? bytes : bytes[..length];
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
    /// An agreement's scorecard at a checkpoint size, evaluated once: an evaluation is a pure function of the log prefix,
    /// so the result for a size never changes.
    /// </summary>
    public async Task<Scorecard> ScorecardAsync(AgreementId agreement, ulong size, Func<Task<Scorecard>> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        if (_scorecards.TryGetValue((agreement.Value, size), out var cached))
        {
            return cached;
        }

        var scorecard = await evaluate();
        if (_scorecards.Count >= MaxCachedScorecards)
        {
            _scorecards.Clear();
        }

        _scorecards[(agreement.Value, scorecard.Checkpoint.Size)] = scorecard;
        return scorecard;
    }

    /// <summary>A rendering of a scorecard (format and language in <paramref name="key"/>) at a checkpoint size, made once.</summary>
    public byte[] Rendered(string key, ulong size, Func<byte[]> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (_rendered.TryGetValue((key, size), out var bytes))
        {
            return bytes;
        }

        bytes = render();
        if (_rendered.Count >= MaxCachedScorecards)
        {
            _rendered.Clear();
        }

        _rendered[(key, size)] = bytes;
        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        Sequencer.Dispose();
        await Folder.DisposeAsync();
    }
}
