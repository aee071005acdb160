using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary>Reads a tiled log's files from a folder; a missing file is null, other failures are <see cref="IOException"/>.</summary>
internal sealed class DirectoryTileReader(string directory)
{
    public byte[]? Read(string path)
    {
        var full = Path.Combine(directory, path.Replace('/', Path.DirectorySeparatorChar));
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
            // One byte over the bound is enough for the verifier to refuse an oversized file.
            return BoundedRead.ReadToEnd(stream, TiledLogVerifier.MaxFileSize(path) + 1);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"cannot read {path}: {e.Message}", e);
        }
    }
}
