namespace OutcomeLedger.Storage;

/// <summary>
/// A small file that several processes read and change (the token list, the witness state): each change holds an
/// exclusive lock on a sibling <c>.lock</c> file (flock(2), which .NET takes for <see cref="FileShare.None"/> on Unix),
/// reads the file afresh under it, and replaces the file atomically (a temporary file of its own, flushed to disk, then
/// renamed over it). So a server and a command changing the same folder never lose each other's change, and a reader
/// sees the old file or the new one, never half of one.
/// </summary>
internal static class SharedFile
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Holds the lock of <paramref name="path"/> until disposed; waits while another process holds it.</summary>
    public static async Task<IDisposable> LockAsync(string path, CancellationToken cancellationToken)
    {
        var lockPath = path + ".lock";
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var pause = 1;
        while (true)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                return new FileStream(lockPath, options);
            }
            catch (IOException e) when (e.GetType() == typeof(IOException))
            {
                // Held by another process (or another handle of this one): wait a little longer each time.
                if (waited.Elapsed > Patience)
                {
                    throw new IOException($"'{path}' stayed locked by another process for {Patience.TotalSeconds:0} s ({lockPath})", e);
                }

                await Task.Delay(pause, cancellationToken);
                pause = Math.Min(pause * 2, 50);
            }
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> atomically, owner-only; call it holding the lock.</summary>
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, options))
            {
                file.Write(content);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// What tells one version of <paramref name="path"/> from the next: its inode (every replacement is a new file) with
    /// its change time and length; null when it does not exist.
    /// </summary>
    public static (ulong Inode, DateTime Written, long Length)? Version(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (UnixFileStatus.Of(path)?.Inode ?? 0, info.LastWriteTimeUtc, info.Length) : null;
    }
}
