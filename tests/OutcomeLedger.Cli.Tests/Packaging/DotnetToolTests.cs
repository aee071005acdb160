using System.Diagnostics;

namespace OutcomeLedger.Cli.Tests.Packaging;

/// <summary>
/// Issue 15, Deliver 2: the CLI packs as a .NET tool that installs from a local source into a tool path of its own and
/// runs: `outcomes --version` gives the package's version, and `outcomes demo` does its whole job.
/// </summary>
public sealed class DotnetToolTests : IDisposable
{
    readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("outcomes-tool-");

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task PackInstallRun_VersionAndDemo()
    {
        var root = RepositoryRoot();
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

    static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OutcomeLedger.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("the tests run outside the repository: no OutcomeLedger.slnx above " + AppContext.BaseDirectory);
    }

    static async Task<string> RunAsync(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var error = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        return await output;
    }
}
