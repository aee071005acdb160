using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Api.Features.Log;

/// <summary>
/// Full hash tiles and full entry bundles as served, by their path under <c>tile/</c>: the server's one tile cache,
/// which the tile endpoints serve from and the proofs (receipts, consistency) read through (<see cref="ServedLedger"/>).
/// A full tile never changes, so an entry never goes stale; only full ones are added (a tile not yet full is read
/// from the store each time, and a tile not in the log is never remembered). Bounded by bytes: past the bound, other
/// entries are dropped to make room.
/// </summary>
// c2sp.org/tlog-tiles: full tiles are immutable.
internal sealed class TileCache(long maxBytes)
{
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    readonly ConcurrentDictionary<string, ServedFile> _files = new(StringComparer.Ordinal);
    long _bytes;

    public TileCache()
        : this(DefaultMaxBytes)
    {
    }

    /// <summary>The bytes held, at most the bound once <see cref="Add"/> returns.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public int Count => _files.Count;

    /// <summary>The key of a tile: its path below <c>tile/</c>, as the tile route receives it (<c>0/x001/234</c>, <c>entries/000</c>).</summary>
    public static string KeyOf(TileId tile) => tile.Path["tile/".Length..];

    public bool TryGet(string path, [NotNullWhen(true)] out ServedFile? file) => _files.TryGetValue(path, out file);

    /// <summary>Remembers a full tile. The caller vouches that it is full: a partial tile must never be added.</summary>
    public void Add(string path, ServedFile file)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(file);
        if (file.Body.Length > maxBytes || !_files.TryAdd(path, file))
        {
            return;
        }

        if (Interlocked.Add(ref _bytes, file.Body.Length) <= maxBytes)
        {
            return;
        }

        // Which ones go hardly matters: any evicted tile is read back from the store when asked for again.
        foreach (var (key, _) in _files)
        {
            if (Interlocked.Read(ref _bytes) <= maxBytes)
            {
                break;
            }

            if (key != path && _files.TryRemove(key, out var removed))
            {
                Interlocked.Add(ref _bytes, -removed.Body.Length);
            }
        }
    }
}
