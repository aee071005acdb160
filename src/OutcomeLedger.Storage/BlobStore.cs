using System.Security.Cryptography;
using System.Text.RegularExpressions;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Storage;

/// <summary>
/// Evidence files addressed by their SHA-256: <c>blobs/ab/abcdef…</c>. A file is written once (to a temporary name,
/// then renamed) and checked against its address every time it is read. It is removed only when the put that wrote
/// it is withdrawn, before any other put of the same content (<see cref="WithdrawAsync"/>).
/// </summary>
public sealed partial class BlobStore(string root) : IBlobStore
{
    public const long MaxSize = 256L * 1024 * 1024;

    public long MaxBlobSize => MaxSize;

    public string Root { get; } = root;

    /// <summary>Stores the content and returns its SHA-256 in lowercase hex.</summary>
    public async Task<string> PutAsync(Stream content, CancellationToken cancellationToken) =>
        (await StoreAsync(content, tentative: false, cancellationToken)).Sha256;

    /// <summary>
    /// Stores the content for entries about to be logged: a put that writes the file leaves an empty claim file beside
    /// it (<c>ab/abcdef….claim-…</c>), which any later put of the same content deletes; <see cref="WithdrawAsync"/>
    /// removes the file only while its own claim is still there. Claims and files change under one lock of the store
    /// (<c>.claims.lock</c>, shared by every process writing the folder).
    /// </summary>
    public Task<TentativeBlob> PutTentativeAsync(Stream content, CancellationToken cancellationToken) =>
        StoreAsync(content, tentative: true, cancellationToken);

    public Task ConfirmAsync(TentativeBlob blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Claim is { } claim)
        {
            // Only this put's own claim: deleting it needs no lock (nothing else ever deletes a claim it does not end).
            File.Delete(ClaimPath(Checked(blob.Sha256), claim));
        }

        return Task.CompletedTask;
    }

    public async Task<bool> WithdrawAsync(TentativeBlob blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Claim is not { } claim)
        {
            return false;
        }

        var sha256 = Checked(blob.Sha256);
        using (await SharedFile.LockAsync(ClaimsLock, cancellationToken))
        {
            var claimPath = ClaimPath(sha256, claim);
            if (!File.Exists(claimPath))
            {
                return false;
            }

            File.Delete(PathOf(sha256));
            File.Delete(claimPath);
            return true;
        }
    }

    async Task<TentativeBlob> StoreAsync(Stream content, bool tentative, CancellationToken cancellationToken)
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
            using (await SharedFile.LockAsync(ClaimsLock, cancellationToken))
            {
                // Stored already, or written now: either way no earlier tentative put may take it back any more.
                foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, hash + ClaimSuffix + "*"))
                {
                    File.Delete(stale);
                }

                if (File.Exists(path))
                {
                    File.Delete(temporary);
                    return new TentativeBlob(hash, null);
                }

                File.Move(temporary, path);
                if (!tentative)
                {
                    return new TentativeBlob(hash, null);
                }

                // The file first, then its claim: a crash between leaves a file no one may take back (never a claim
                // that could remove a file another writer stored).
                var claim = Guid.NewGuid().ToString("N");
                await using (new FileStream(ClaimPath(hash, claim), FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                }

                return new TentativeBlob(hash, claim);
            }
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

    const string ClaimSuffix = ".claim-";

    string ClaimsLock => Path.Combine(Root, ".claims");

    string ClaimPath(string sha256, string claim) =>
        ClaimPattern().IsMatch(claim) ? PathOf(sha256) + ClaimSuffix + claim : throw new ArgumentException("a claim is 32 lowercase hex digits", nameof(claim));

    static string Checked(string sha256) =>
        HexPattern().IsMatch(sha256 ?? "") ? sha256! : throw new ArgumentException("a blob address is a SHA-256 in lowercase hex", nameof(sha256));

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex ClaimPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HexPattern();
}
