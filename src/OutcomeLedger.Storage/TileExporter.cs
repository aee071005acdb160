using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Storage;

/// <summary>
/// Writes a log as a C2SP tlog-tiles tree of static files: <c>checkpoint</c>, every hash tile and every entry bundle
/// for the latest checkpoint's size, so any tlog client (or a CDN) can serve and check it.
/// </summary>
// c2sp.org/tlog-tiles
public static class TileExporter
{
    public static async Task<(StoredCheckpoint Checkpoint, int Files)> ExportAsync(ILogStore store, string directory, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var checkpoint = await store.GetLatestCheckpointAsync(cancellationToken)
            ?? throw new InvalidOperationException("the log has no checkpoint yet: nothing to export");
        var size = checkpoint.Size;
        Directory.CreateDirectory(directory);
        var files = 0;
        foreach (var tile in TileLayout.HashTiles(size))
        {
            var bytes = await store.ReadTileAsync(tile.Level, tile.Index, cancellationToken)
                ?? throw new InvalidDataException($"tile {tile.Path} is missing from the store");
            var length = tile.Width * Hash.Size;
            if (bytes.Length < length)
            {
                throw new InvalidDataException($"tile {tile.Path} is stored with {bytes.Length / Hash.Size} hashes; {tile.Width} are needed");
            }

            await WriteAsync(directory, tile.Path, bytes.AsMemory(0, length), cancellationToken);
            files++;
            progress?.Report(files);
        }

        foreach (var bundle in TileLayout.EntryBundles(size))
        {
            var leaves = await store.ReadLeavesAsync(bundle.Index * TileId.FullWidth, bundle.Width, cancellationToken);
            if (leaves.Count != bundle.Width)
            {
                throw new InvalidDataException($"entries of {bundle.Path} are missing from the store");
            }

            await WriteAsync(directory, bundle.Path, EntryBundle.Encode(leaves.Select(l => (ReadOnlyMemory<byte>)l.Data).ToList()), cancellationToken);
            files++;
            progress?.Report(files);
        }

        // The checkpoint last: a reader that sees it finds every tile it names already in place.
        await WriteAsync(directory, "checkpoint", System.Text.Encoding.UTF8.GetBytes(checkpoint.Note), cancellationToken);
        return (checkpoint, files + 1);
    }

    static async Task WriteAsync(string directory, string relative, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes.ToArray(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
