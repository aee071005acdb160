using System.Formats.Tar;
using Microsoft.Data.Sqlite;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Storage;

/// <summary>What a backup holds: its files, their bytes, and the log as of the copy of its database.</summary>
public sealed record LedgerBackupSummary(int Files, long Bytes, ulong Size, Hash? Root);

/// <summary>
/// A SQLite ledger folder copied into one tar file and back: the database as SQLite's <c>VACUUM INTO</c> writes it (a
/// consistent copy while a server keeps writing), then every other file of the folder (configuration, keys, tokens,
/// witness state, data-protection keys, evidence blobs). Evidence blobs are stored before the entry that cites them and
/// deleted only when no entry citing them was logged (<see cref="BlobStore.WithdrawAsync"/>), so every blob the copied
/// log cites is in the backup; files being written (temporary names) and the claims of evidence not yet cited are left out. The tar is owner-only: it holds private
/// keys. A PostgreSQL ledger is backed up with pg_dump (docs/deploy/backup.md).
/// </summary>
public static class LedgerBackup
{
    /// <summary>At most this many files in a backup restored: a bound on what a file from elsewhere can make us create.</summary>
    public const int MaxFiles = 10_000_000;

    static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        LedgerFolder.DatabaseFile, LedgerFolder.DatabaseFile + "-wal", LedgerFolder.DatabaseFile + "-shm", LedgerFolder.DatabaseFile + "-journal",
    };

    /// <summary>Writes the backup of <paramref name="folder"/> to <paramref name="file"/>, which must not exist yet.</summary>
    public static async Task<LedgerBackupSummary> WriteAsync(string folder, string file, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(file);
        var database = Path.Combine(folder, LedgerFolder.DatabaseFile);
        if (!File.Exists(Path.Combine(folder, LedgerFolder.ConfigFile)) || !File.Exists(database))
        {
            throw new DirectoryNotFoundException($"'{folder}' is not a SQLite ledger folder (no {LedgerFolder.ConfigFile} and {LedgerFolder.DatabaseFile})");
        }

        if (File.Exists(file) || Directory.Exists(file))
        {
            throw new IOException($"'{file}' already exists; a backup never overwrites a file");
        }

        var partial = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var snapshot = partial + ".db";
        try
        {
            ulong size;
            Hash? root;
            try
            {
                await SnapshotAsync(database, snapshot, cancellationToken);
                (size, root) = await LatestCheckpointAsync(snapshot, cancellationToken);
            }
            catch (SqliteException e)
            {
                throw new IOException($"the database {database} could not be copied: {e.Message}", e);
            }

            var files = 0;
            long bytes = 0;
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var output = new FileStream(partial, options))
            {
                await using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
                {
                    bytes += await AddAsync(tar, snapshot, LedgerFolder.DatabaseFile, cancellationToken) ?? 0;
                    files++;
                    foreach (var (path, name) in FolderFiles(folder))
                    {
                        // A file gone since the folder was listed is one no copied entry needs: an evidence file taken
                        // back because its entries were not logged.
                        if (await AddAsync(tar, path, name, cancellationToken) is { } length)
                        {
                            files++;
                            bytes += length;
                        }
                    }
                }

                output.Flush(flushToDisk: true);
            }

            File.Move(partial, file);
            return new LedgerBackupSummary(files, bytes, size, root);
        }
        finally
        {
            File.Delete(partial);
            File.Delete(snapshot);
        }
    }

    /// <summary>
    /// Restores a backup into <paramref name="folder"/>, which must not exist or be empty. Every name is checked before
    /// anything is written (relative, inside the folder, files and folders only), so a refused backup writes nothing.
    /// </summary>
    public static async Task<LedgerBackupSummary> RestoreAsync(string file, string folder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new IOException($"'{folder}' is not empty; restore into a new folder");
        }

        if (File.Exists(folder))
        {
            throw new IOException($"'{folder}' is a file; restore into a new folder");
        }

        var target = Path.GetFullPath(folder);
        var names = await CheckAsync(file, target, cancellationToken);
        if (!names.Contains(LedgerFolder.ConfigFile) || !names.Contains(LedgerFolder.DatabaseFile))
        {
            throw new InvalidDataException($"'{file}' is not a ledger backup: it has no {LedgerFolder.ConfigFile} or {LedgerFolder.DatabaseFile}");
        }

        var created = !Directory.Exists(target);
        try
        {
            CreateOwnerOnlyDirectory(target);
            var files = 0;
            long bytes = 0;
            await using var input = File.OpenRead(file);
            await using var tar = new TarReader(input);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                var path = Path.Combine(target, entry.Name);
                if (entry.EntryType == TarEntryType.Directory)
                {
                    CreateOwnerOnlyDirectory(path);
                    continue;
                }

                CreateOwnerOnlyDirectory(Path.GetDirectoryName(path)!);
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                await using (var output = new FileStream(path, options))
                {
                    if (entry.DataStream is { } data)
                    {
                        await data.CopyToAsync(output, cancellationToken);
                    }

                    output.Flush(flushToDisk: true);
                }

                files++;
                bytes += entry.Length;
            }

            try
            {
                var (size, root) = await LatestCheckpointAsync(Path.Combine(target, LedgerFolder.DatabaseFile), cancellationToken);
                return new LedgerBackupSummary(files, bytes, size, root);
            }
            catch (SqliteException e)
            {
                throw new InvalidDataException($"'{file}': its {LedgerFolder.DatabaseFile} is not a ledger database ({e.Message}); nothing was restored", e);
            }
        }
        catch
        {
            // A restore that did not finish leaves no half ledger behind.
            if (created)
            {
                Directory.Delete(target, recursive: true);
            }
            else
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(target))
                {
                    if (Directory.Exists(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                    else
                    {
                        File.Delete(entry);
                    }
                }
            }

            throw;
        }
    }

    /// <summary>Every name in the backup, checked: relative, inside <paramref name="target"/>, a file or a folder, each once.</summary>
    static async Task<HashSet<string>> CheckAsync(string file, string target, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var input = File.OpenRead(file);
        TarReader tar;
        try
        {
            tar = new TarReader(input);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{file}' is not a ledger backup (not a tar file): {e.Message}", e);
        }

        await using (tar)
        {
            while (true)
            {
                TarEntry? entry;
                try
                {
                    entry = await tar.GetNextEntryAsync(copyData: false, cancellationToken);
                }
                catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
                {
                    throw new InvalidDataException($"'{file}' is not a ledger backup (not a tar file, or cut short): {e.Message}", e);
                }

                if (entry is null)
                {
                    break;
                }

                var name = entry.Name.TrimEnd('/');
                var full = Path.GetFullPath(Path.Combine(target, name));
                if (name.Length == 0 || Path.IsPathRooted(name) || name.Split('/').Contains("..") || !full.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"'{file}': entry '{entry.Name}' points outside the ledger folder; nothing was restored");
                }

                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.Directory))
                {
                    throw new InvalidDataException($"'{file}': entry '{entry.Name}' is a {entry.EntryType}, not a file or a folder; nothing was restored");
                }

                if (!names.Add(name))
                {
                    throw new InvalidDataException($"'{file}': entry '{entry.Name}' appears twice; nothing was restored");
                }

                if (names.Count > MaxFiles)
                {
                    throw new InvalidDataException($"'{file}': more than {MaxFiles:N0} entries; nothing was restored");
                }
            }
        }

        return names;
    }

    /// <summary>Every file of the folder but the live database, its journals, locks and temporary files: relative names with '/'.</summary>
    static IEnumerable<(string Path, string Name)> FolderFiles(string folder)
    {
        var root = Path.GetFullPath(folder);
        return Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(path => (Path: path, Name: Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => !Skipped.Contains(f.Name) && !f.Name.EndsWith(".lock", StringComparison.Ordinal) && !f.Name.EndsWith(".tmp", StringComparison.Ordinal)
                && !Path.GetFileName(f.Name).StartsWith(".incoming-", StringComparison.Ordinal) && !f.Name.Contains(".claim-", StringComparison.Ordinal))
            .Where(f => UnixFileStatus.Of(f.Path) is null or { Type: UnixFileType.Regular })
            .OrderBy(f => f.Name, StringComparer.Ordinal);
    }

    // The file's length, or null when it no longer exists (nothing written then).
    static async Task<long?> AddAsync(TarWriter tar, string path, string name, CancellationToken cancellationToken)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        FileStream data;
        try
        {
            data = File.OpenRead(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        await using (data)
        {
            entry.DataStream = data;
            await tar.WriteEntryAsync(entry, cancellationToken);
            return data.Length;
        }
    }

    // VACUUM INTO writes a consistent copy of the database as one read transaction sees it (sqlite.org/lang_vacuum.html),
    // while writers go on; the copy has no journal beside it.
    static async Task SnapshotAsync(string database, string snapshot, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $path";
        command.Parameters.AddWithValue("$path", snapshot);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    static async Task<(ulong Size, Hash? Root)> LatestCheckpointAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT size, root FROM checkpoints ORDER BY size DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ((ulong)reader.GetInt64(0), Hash.FromBytes((byte[])reader[1])) : (0, null);
    }

    static void CreateOwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
