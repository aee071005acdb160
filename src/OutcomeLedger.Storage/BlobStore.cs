using System.Security.Cryptography;
using System.Text.RegularExpressions;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Storage;

/// <summary>
/// Evidence files addressed by their SHA-256: <c>blobs/ab/abcdef…</c>. A file is written once (to a temporary name,
/// then renamed) and checked against its address every time it is read.
/// </summary>
public sealed partial class BlobStore(string root) : IBlobStore
{
    public const long MaxSize = 256L * 1024 * 1024;

    public long MaxBlobSize => MaxSize;

    public string Root { get; } = root;

    /// <summary>Stores the content and returns its SHA-256 in lowercase hex.</summary>
    public async Task<string> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(Root);
        var temporary = Path.Combine(Root, $".incoming-{Guid.NewGuid():N}");
        try
        {
            string hash;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > MaxSize)
                    {
                        throw new InvalidDataException($"evidence files are at most {MaxSize / (1024 * 1024)} MiB");
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var path = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path))
            {
                File.Delete(temporary);
            }
            else
            {
                File.Move(temporary, path);
            }

            return hash;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The content with this SHA-256, checked; null if absent. A stored file that no longer matches is an error.</summary>
    public async Task<byte[]?> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!HexPattern().IsMatch(sha256))
        {
            throw new ArgumentException("a blob address is a SHA-256 in lowercase hex", nameof(sha256));
        }

        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return actual == sha256
            ? bytes
            : throw new InvalidDataException($"evidence {sha256} is corrupted: its content now hashes to {actual}");
    }

    /// <summary>
    /// The stored file to stream, unchecked (null if absent): the reader hashes what it reads and compares the result
    /// with the address at the end, as <see cref="GetAsync"/> does at once.
    /// </summary>
    public FileStream? OpenRead(string sha256)
    {
        if (!HexPattern().IsMatch(sha256))
        {
            throw new ArgumentException("a blob address is a SHA-256 in lowercase hex", nameof(sha256));
        }

        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>The content with this SHA-256 as a stream that fails at its end if the content no longer matches; null if absent.</summary>
    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(OpenRead(sha256) is { } file ? new AddressCheckedStream(file, sha256) : null);

    public bool Contains(string sha256) => HexPattern().IsMatch(sha256) && File.Exists(PathOf(sha256));

    public Task<bool> ContainsAsync(string sha256, CancellationToken cancellationToken) => Task.FromResult(Contains(sha256));

    string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HexPattern();
}
