namespace OutcomeLedger.Architecture.Tests;

static class Repository
{
    /// <summary>The folder holding OutcomeLedger.slnx, found upwards from the test binaries.</summary>
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutcomeLedger.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no OutcomeLedger.slnx above {start}");
    }
}
