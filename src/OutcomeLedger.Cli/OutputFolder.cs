namespace OutcomeLedger.Cli;

/// <summary>
/// Writes a set of finished files into a folder all at once: into a new temporary folder beside it, then moved into
/// place (the whole folder when it does not exist yet, else file by file, each replacing its namesake), so a failure
/// leaves no partial file and no half-written folder. A folder that cannot be written is one line naming it.
/// </summary>
internal static class OutputFolder
{
    public static async Task WriteAsync(string path, IReadOnlyList<(string Name, ReadOnlyMemory<byte> Bytes)> files, string option, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.GetDirectoryName(full) ?? ".";
        if (File.Exists(full))
        {
            throw CliError.Usage($"{option}: {full} is a file; give a folder for CSV files");
        }

        if (!Directory.Exists(parent))
        {
            throw CliError.Environment($"{option}: the folder {parent} does not exist");
        }

        var temporary = Path.Combine(parent, "." + Path.GetFileName(full) + "." + Path.GetRandomFileName() + ".tmp");
        try
        {
            Directory.CreateDirectory(temporary);
            foreach (var (name, bytes) in files)
            {
                await File.WriteAllBytesAsync(Path.Combine(temporary, name), bytes, cancellationToken);
            }

            if (!Directory.Exists(full))
            {
                Directory.Move(temporary, full);
                return;
            }

            foreach (var (name, _) in files)
            {
                File.Move(Path.Combine(temporary, name), Path.Combine(full, name), overwrite: true);
            }

            Directory.Delete(temporary, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            try
            {
                if (Directory.Exists(temporary))
                {
                    Directory.Delete(temporary, recursive: true);
                }
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing of it was moved into place either.
            }

            if (e is OperationCanceledException)
            {
                throw;
            }

            throw CliError.Environment($"{option}: cannot write {full}: {e.Message}");
        }
    }
}
