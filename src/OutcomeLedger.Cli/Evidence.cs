using OutcomeLedger.Core.Import;

namespace OutcomeLedger.Cli;

/// <summary>
/// Evidence files named on the command line, which records cite by their SHA-256: handed to the session's write use
/// case, which stores them before the record that cites them and takes them back if it is not logged.
/// </summary>
internal static class Evidence
{
    /// <summary>Each file, in order, once it is known to exist; a missing one is an environment error.</summary>
    public static IReadOnlyList<ImportFile> Files(IEnumerable<string> paths, string option)
    {
        var files = new List<ImportFile>();
        foreach (var path in paths)
        {
            InputFile.Require(path, $"{option}: file ");
            files.Add(new ImportFile(path, () => File.OpenRead(path)));
        }

        return files;
    }
}
