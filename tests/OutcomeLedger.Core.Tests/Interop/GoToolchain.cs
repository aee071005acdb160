using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using OutcomeLedger.Core.Tests.Interop;

[assembly: AssemblyFixture(typeof(GoToolchain))]

namespace OutcomeLedger.Core.Tests.Interop;

/// <summary>
/// Builds tests/interop/go (tlogcheck, over Debian's golang.org/x/mod sumdb/note and sumdb/tlog) once per
/// test run into a temporary directory, offline, and runs it. Tests that need it skip when Go or x/mod is
/// not installed; CI installs both (golang-go golang-golang-x-mod-dev), so CI skips nothing.
/// </summary>
public sealed class GoToolchain : IAsyncLifetime
{
    /// <summary>Where Debian's golang-golang-x-mod-dev puts x/mod; OUTCOMELEDGER_XMOD_DIR overrides it.</summary>
    public const string DebianXModDirectory = "/usr/share/gocode/src/golang.org/x/mod";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    string? _skipReason;
    string? _buildFailure;
    string? _workDirectory;
    string? _tlogCheckPath;
    int _scratchCount;

    /// <summary>The repository's root: the directory holding OutcomeLedger.slnx.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The built tlogcheck binary. Skips the calling test when Go or x/mod is missing.</summary>
    public string TlogCheckPath
    {
        get
        {
            EnsureBuilt();
            return _tlogCheckPath!;
        }
    }

    /// <summary>A fresh empty directory under this run's temporary directory, removed at the end of the run.</summary>
    public string CreateScratchDirectory()
    {
        EnsureBuilt();
        var number = Interlocked.Increment(ref _scratchCount);
        return Directory.CreateDirectory(Path.Combine(_workDirectory!, $"scratch-{number}")).FullName;
    }

    /// <summary>Runs <c>tlogcheck args...</c> and returns its exit code and output.</summary>
    public GoRunResult Run(params string[] args) => Run(DefaultTimeout, args);

    public GoRunResult Run(TimeSpan timeout, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return RunProcess(TlogCheckPath, args, workingDirectory: null, timeout);
    }

    /// <summary>Runs the go command itself (e.g. <c>test ./...</c>) in the build copy of tests/interop/go.</summary>
    public GoRunResult RunGo(params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        EnsureBuilt();
        return RunProcess("go", args, Path.Combine(_workDirectory!, "src"), BuildTimeout);
    }

    public async ValueTask InitializeAsync()
    {
        await Task.Yield();
        _workDirectory = Directory.CreateTempSubdirectory("outcomeledger-go-").FullName;

        var xmod = Environment.GetEnvironmentVariable("OUTCOMELEDGER_XMOD_DIR") is { Length: > 0 } overridden
            ? overridden
            : DebianXModDirectory;
        GoRunResult version;
        try
        {
            version = RunProcess("go", ["version"], _workDirectory, DefaultTimeout);
        }
        catch (Win32Exception e)
        {
            _skipReason = $"go not installed: cannot run 'go' ({e.Message}); apt-get install golang-go golang-golang-x-mod-dev";
            return;
        }

        if (!version.Succeeded)
        {
            _skipReason = $"go not installed: 'go version' failed: {version.Message}";
            return;
        }

        if (!File.Exists(Path.Combine(xmod, "sumdb", "note", "note.go")) || !File.Exists(Path.Combine(xmod, "sumdb", "tlog", "tile.go")))
        {
            _skipReason = $"go not installed: golang.org/x/mod not found at {xmod}; apt-get install golang-golang-x-mod-dev";
            return;
        }

        // Build from a copy so that go never writes into the source tree.
        var source = Path.Combine(RepositoryRoot, "tests", "interop", "go");
        var build = Path.Combine(_workDirectory, "src");
        Directory.CreateDirectory(build);
        foreach (var file in Directory.EnumerateFiles(source).Where(f => f.EndsWith(".go", StringComparison.Ordinal) || Path.GetFileName(f) == "go.mod"))
        {
            File.Copy(file, Path.Combine(build, Path.GetFileName(file)));
        }

        var output = Path.Combine(_workDirectory, "bin", "tlogcheck");
        var steps = new List<string[]>();
        if (xmod != DebianXModDirectory)
        {
            steps.Add(["mod", "edit", $"-replace=golang.org/x/mod={xmod}"]);
        }

        steps.Add(["build", "-o", output, "."]);
        foreach (var step in steps)
        {
            var result = RunProcess("go", step, build, BuildTimeout);
            if (!result.Succeeded)
            {
                _buildFailure = $"go {string.Join(' ', step)} failed: {result.StandardError.Trim()}";
                return;
            }
        }

        _tlogCheckPath = output;
    }

    public ValueTask DisposeAsync()
    {
        if (_workDirectory is not null && Directory.Exists(_workDirectory))
        {
            try
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary directory is not worth failing the run for.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return ValueTask.CompletedTask;
    }

    void EnsureBuilt()
    {
        if (_skipReason is not null)
        {
            Assert.Skip(_skipReason);
        }

        if (_buildFailure is not null)
        {
            // Go and x/mod are installed, so a failed build is a real failure, never a skip.
            throw new InvalidOperationException(_buildFailure);
        }
    }

    GoRunResult RunProcess(string fileName, IReadOnlyList<string> args, string? workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardErrorEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            WorkingDirectory = workingDirectory ?? _workDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Offline and self-contained: no proxy, no toolchain download, caches in this run's directory.
        start.Environment["GOPROXY"] = "off";
        start.Environment["GOFLAGS"] = "-mod=mod";
        start.Environment["GOTOOLCHAIN"] = "local";
        start.Environment["GOTELEMETRY"] = "off";
        start.Environment["GO111MODULE"] = "on";
        start.Environment["GOCACHE"] = Path.Combine(_workDirectory!, "gocache");
        start.Environment["GOPATH"] = Path.Combine(_workDirectory!, "gopath");

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {timeout}");
        }

        process.WaitForExit();
        return new GoRunResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OutcomeLedger.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no OutcomeLedger.slnx above {AppContext.BaseDirectory}");
    }
}
