using System.Diagnostics;
using System.Text.Json;

namespace OutcomeLedger.Storage;

/// <summary>
/// One writer at a time on a SQLite ledger folder. <c>outcomes serve</c> holds an exclusive lock on the folder's
/// <c>writer.lock</c> for as long as it runs (flock(2), which .NET takes for <see cref="FileShare.None"/> on Unix) and
/// says in <c>writer.json</c> who it is and where it listens. A command that writes holds a shared lock on the same file
/// while it writes: several commands write side by side (each batch is checked again at the head another one moved),
/// a server does not start under a command's write, and a command's write while a server runs is refused with one line
/// naming the server. The system releases the lock of a process that dies, so a <c>writer.json</c> a killed server left
/// behind is ignored. Reads take no lock.
/// </summary>
public sealed class LedgerWriterLock : IDisposable
{
    public const string LockFile = "writer.lock";
    public const string StatusFile = "writer.json";

    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    readonly FileStream _lock;
    readonly string _folder;

    LedgerWriterLock(string folder, FileStream held, bool exclusive)
    {
        _folder = folder;
        _lock = held;
        IsExclusive = exclusive;
    }

    /// <summary>Held by a server (exclusive), rather than by a command while it writes (shared).</summary>
    public bool IsExclusive { get; }

    /// <summary>
    /// Takes the folder for a server, waiting while commands finish their writes (up to 30 s). Another server holding it
    /// is a <see cref="LedgerInUseException"/> at once, naming it.
    /// </summary>
    public static async Task<LedgerWriterLock> HoldAsync(string folder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var waited = Stopwatch.StartNew();
        var pause = 10;
        while (true)
        {
            if (TryOpen(folder, exclusive: true) is { } held)
            {
                return new LedgerWriterLock(folder, held, exclusive: true);
            }

            if (ReadStatus(folder) is { } status && IsRunning(status.Pid))
            {
                throw InUse(folder, status);
            }

            if (waited.Elapsed > Patience)
            {
                throw new LedgerInUseException($"ledger {folder} has been written by another command for more than {Patience.TotalSeconds:0} s ({LockFile}); start the server when it has finished");
            }

            await Task.Delay(pause, cancellationToken);
            pause = Math.Min(pause * 2, 200);
        }
    }

    /// <summary>Takes the folder for a command's writes, beside other commands; a server holding it is a <see cref="LedgerInUseException"/>.</summary>
    public static LedgerWriterLock Enter(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return TryOpen(folder, exclusive: false) is { } held
            ? new LedgerWriterLock(folder, held, exclusive: false)
            : throw InUse(folder, ReadStatus(folder));
    }

    /// <summary>Says in <c>writer.json</c> which process holds the folder and where it takes writes (a server, once it listens).</summary>
    public void Announce(IReadOnlyList<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        if (!IsExclusive)
        {
            throw new InvalidOperationException("only a server holding the ledger folder announces itself");
        }

        var status = new LedgerWriterStatus(Environment.ProcessId, urls);
        SharedFile.Replace(Path.Combine(_folder, StatusFile), JsonSerializer.SerializeToUtf8Bytes(status, LedgerWriterJson.Default.LedgerWriterStatus));
    }

    public void Dispose()
    {
        if (IsExclusive)
        {
            // Before the lock goes: a command refused in between still finds who held it.
            try
            {
                File.Delete(Path.Combine(_folder, StatusFile));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left behind, it is ignored: nobody holds the lock.
            }
        }

        _lock.Dispose();
    }

    static FileStream? TryOpen(string folder, bool exclusive)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            // A shared lock is taken on a file opened for reading (flock LOCK_SH works there on every file system).
            Access = exclusive ? FileAccess.ReadWrite : FileAccess.Read,
            Share = exclusive ? FileShare.None : FileShare.ReadWrite,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            return new FileStream(Path.Combine(folder, LockFile), options);
        }
        catch (IOException e) when (e.GetType() == typeof(IOException))
        {
            // Held by another process (or another handle of this one).
            return null;
        }
    }

    static LedgerWriterStatus? ReadStatus(string folder)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(folder, StatusFile)), LedgerWriterJson.Default.LedgerWriterStatus);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // Not written yet (a server starting) or not readable: the refusal names no process.
            return null;
        }
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    static LedgerInUseException InUse(string folder, LedgerWriterStatus? status)
    {
        var who = status is { Pid: > 0 } ? $"outcomes serve, pid {status.Pid}" : "outcomes serve (starting)";
        var where = status is { Urls.Count: > 0 } ? $"send writes to {status.Urls[0]}" : "send writes to its HTTP API";
        return new LedgerInUseException($"ledger {folder} is in use by {who}; {where} (or stop the server)") { Holder = status };
    }
}
