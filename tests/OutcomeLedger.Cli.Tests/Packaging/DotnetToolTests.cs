namespace OutcomeLedger.Cli.Tests.Packaging;

/// <summary>
/// Issue 15, Deliver 2: the CLI packs as a .NET tool that installs from a local source into a tool path of its own and
/// runs: `outcomes --version` gives the package's version, and `outcomes demo` does its whole job.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class DotnetToolTests : IDisposable
{
    readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("outcomes-tool-");

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task PackInstallRun_VersionAndDemo()
    {
        var root = PackagingCollection.RepositoryRoot();
        var packages = Path.Combine(_folder.FullName, "packages");
        var tools = Path.Combine(_folder.FullName, "tools");
        await RunAsync("dotnet", root, "pack", Path.Combine(root, "src", "OutcomeLedger.Cli"), "-c", "Release", "-o", packages, "--nologo");
        var package = Assert.Single(Directory.GetFiles(packages, "OutcomeLedger.Cli.*.nupkg"));
        var version = Path.GetFileNameWithoutExtension(package)["OutcomeLedger.Cli.".Length..];

        await RunAsync("dotnet", _folder.FullName, "tool", "install", "OutcomeLedger.Cli", "--tool-path", tools, "--add-source", packages, "--version", version);
        var outcomes = Path.Combine(tools, OperatingSystem.IsWindows() ? "outcomes.exe" : "outcomes");

        Assert.StartsWith(version + "+", (await RunAsync(outcomes, _folder.FullName, "--version")).Trim(), StringComparison.Ordinal);
        var demo = await RunAsync(outcomes, _folder.FullName, "demo");
        Assert.Contains("exported tiles pass the C2SP tlog-tiles check", demo, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "outcomes-demo", "scorecard.html")));
    }

    static Task<string> RunAsync(string program, string workingDirectory, params string[] arguments) =>
        PackagingCollection.RunAsync(program, workingDirectory, null, arguments);
}
