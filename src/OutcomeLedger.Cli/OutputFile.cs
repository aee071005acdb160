namespace OutcomeLedger.Cli;

/// <summary>
/// Writes a finished file all at once: into a temporary file beside it, then renamed over the target, so a failure
/// leaves no partial file (and an existing file untouched). A folder that cannot be written is one line naming it.
/// </summary>
internal static class OutputFile
{
    /// <summary><c>--out -</c>: standard output instead of a file.</summary>
    public const string StandardOutput = "-";

    public static bool IsStandardOutput(string? path) => path == StandardOutput;

    /// <summary>
    /// Writes <paramref name="bytes"/> to the command's standard output as they are: the process's own stream when it
    /// is the console's (binary files such as a PDF stay intact), else the writer a caller gave the command.
    /// </summary>
    public static async Task WriteToStandardOutputAsync(CommandContext context, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ReferenceEquals(context.Output, Console.Out))
        {
            await Console.Out.FlushAsync(cancellationToken);
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(bytes, cancellationToken);
            await stdout.FlushAsync(cancellationToken);
        }
        else if (context.Output is StreamWriter { BaseStream: { } stream } writer)
        {
            await writer.FlushAsync(cancellationToken);
            await stream.WriteAsync(bytes, cancellationToken);
        }
        else
        {
            await context.Output.WriteAsync(System.Text.Encoding.UTF8.GetString(bytes.Span));
        }
    }

    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, string option, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        if (Directory.Exists(full))
        {
            throw CliError.Usage($"{option}: {full} is a folder; give a file name");
        }

        if (!Directory.Exists(folder))
        {
            throw CliError.Environment($"{option}: the folder {folder} does not exist");
        }

        var temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Path.GetRandomFileName() + ".tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing was written there either.
            }

            if (e is OperationCanceledException)
            {
                throw;
            }

            throw CliError.Environment($"{option}: cannot write {full}: {e.Message}");
        }
    }
}
