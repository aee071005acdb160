using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli;

/// <summary>
/// A file the command is given to read: it must exist and be a regular file. A folder says so (not "does not exist"),
/// and a FIFO, socket or device is refused before it is opened, since opening or reading one may wait for ever.
/// </summary>
internal static class InputFile
{
    /// <summary>Throws a one-line environment error (exit 3) unless <paramref name="path"/> is a regular file; <paramref name="prefix"/> begins the message (e.g. "--file: ").</summary>
    public static void Require(string path, string prefix)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw CliError.Environment($"{prefix}'{path}' is a directory, not a file");
        }

        if (!File.Exists(path))
        {
            throw CliError.Environment($"{prefix}'{path}' does not exist");
        }

        if (UnixFileStatus.Of(path) is { Type: not UnixFileType.Regular } status)
        {
            var what = status.Type switch
            {
                UnixFileType.Fifo => "a named pipe (FIFO)",
                UnixFileType.Socket => "a socket",
                UnixFileType.Device => "a device",
                _ => "not a regular file",
            };
            throw CliError.Environment($"{prefix}'{path}' is {what}, not a regular file; save the data to a file and give that");
        }
    }
}
