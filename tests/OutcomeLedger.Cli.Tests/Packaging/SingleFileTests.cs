using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace OutcomeLedger.Cli.Tests.Packaging;

/// <summary>
/// Issue 15, Deliver 2: the self-contained single-file build for linux-x64. Published as docs/deploy/install.md says,
/// it is one file, and that file alone, copied into an empty folder on a machine without the repository around it,
/// gives its version and runs the whole demo (the native libraries and the demo's data are inside it).
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed partial class SingleFileTests : IDisposable
{
    readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("outcomes-single-file-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task PublishSingleFile_AloneInAnEmptyFolder_VersionAndDemo()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64, "the single-file build is published for linux-x64");
        var root = PackagingCollection.RepositoryRoot();
        var published = Path.Combine(_folder.FullName, "publish");
        await PackagingCollection.RunAsync("dotnet", root, null,
            "publish", Path.Combine(root, "src", "OutcomeLedger.Cli"), "-c", "Release", "-r", "linux-x64", "--self-contained", "-p:PublishSingleFile=true", "-o", published, "--nologo");

        // One file to run (symbol files aside): no native library, no data folder beside it.
        Assert.Equal(["outcomes"], Directory.GetFiles(published).Select(Path.GetFileName).Where(f => !f!.EndsWith(".pdb", StringComparison.Ordinal)));
        Assert.Empty(Directory.GetDirectories(published));

        var run = Directory.CreateDirectory(Path.Combine(_folder.FullName, "run")).FullName;
        var outcomes = Path.Combine(run, "outcomes");
        File.Copy(Path.Combine(published, "outcomes"), outcomes);
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(outcomes, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // What the file unpacks on first use goes to a folder of the test's own, not the user's ~/.net.
        var environment = new Dictionary<string, string> { ["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(_folder.FullName, "extracted") };

        var version = VersionElement().Match(await File.ReadAllTextAsync(Path.Combine(root, "src", "OutcomeLedger.Cli", "OutcomeLedger.Cli.csproj"), TestContext.Current.CancellationToken)).Groups[1].Value;
        Assert.NotEmpty(version);
        Assert.StartsWith(version + "+", (await PackagingCollection.RunAsync(outcomes, run, environment, "--version")).Trim(), StringComparison.Ordinal);
        var demo = await PackagingCollection.RunAsync(outcomes, run, environment, "demo");
        Assert.Contains("exported tiles pass the C2SP tlog-tiles check", demo, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run, "outcomes-demo", "scorecard.html")));
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionElement();
}
