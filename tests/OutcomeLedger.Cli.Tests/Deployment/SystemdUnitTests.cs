using System.Diagnostics;
using System.Runtime.CompilerServices;
using OutcomeLedger.Cli.Commands.Serve;

namespace OutcomeLedger.Cli.Tests.Deployment;

/// <summary>
/// docs/deploy/systemd/outcomes.service: the hardening settings it promises, an ExecStart whose every option
/// <c>outcomes serve</c> has and whose values it accepts, and (when installed) <c>systemd-analyze verify</c>'s approval.
/// </summary>
public sealed class SystemdUnitTests
{
    static string UnitPath([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "docs", "deploy", "systemd", "outcomes.service"));

    /// <summary>Section → key → every value given (systemd allows a key more than once).</summary>
    static Dictionary<string, Dictionary<string, List<string>>> Parse(string text)
    {
        var sections = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        Dictionary<string, List<string>>? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                Assert.EndsWith("]", line, StringComparison.Ordinal);
                current = [];
                sections[line[1..^1]] = current;
                continue;
            }

            Assert.NotNull(current);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"not a key=value line: {line}");
            var key = line[..equals];
            if (!current.TryGetValue(key, out var values))
            {
                values = [];
                current[key] = values;
            }

            values.Add(line[(equals + 1)..]);
        }

        return sections;
    }

    static Dictionary<string, List<string>> Service() => Parse(File.ReadAllText(UnitPath()))["Service"];

    static string One(Dictionary<string, List<string>> section, string key) =>
        Assert.Single(section.TryGetValue(key, out var values) ? values : []);

    [Fact]
    public void Unit_Hardened_NotifiesReadinessAndWritesOnlyItsLedgerFolder()
    {
        var service = Service();

        Assert.Equal("notify", One(service, "Type"));
        var user = service.TryGetValue("User", out var users) ? users.Single() : null;
        var dynamic = service.TryGetValue("DynamicUser", out var dynamicUser) && dynamicUser.Single() == "yes";
        Assert.True(dynamic || user is { Length: > 0 } and not "root", "a dedicated or dynamic user, never root");
        Assert.Equal("yes", One(service, "NoNewPrivileges"));
        Assert.Equal("strict", One(service, "ProtectSystem"));
        Assert.Equal("yes", One(service, "ProtectHome"));
        Assert.Equal("yes", One(service, "PrivateTmp"));
        Assert.Equal("yes", One(service, "PrivateDevices"));
        Assert.Equal("yes", One(service, "RestrictSUIDSGID"));
        Assert.Equal("yes", One(service, "RestrictNamespaces"));
        Assert.Equal("", One(service, "CapabilityBoundingSet"));
        Assert.Equal("0077", One(service, "UMask"));
        Assert.Equal(["AF_INET", "AF_INET6", "AF_UNIX"], One(service, "RestrictAddressFamilies").Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal("@system-service", One(service, "SystemCallFilter"));
        Assert.False(service.ContainsKey("MemoryDenyWriteExecute"), "the .NET JIT needs writable-then-executable memory");

        // The ledger the server is given lies in the one writable path.
        var arguments = One(service, "ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ledger = arguments[Array.IndexOf(arguments, "--ledger") + 1];
        var writable = One(service, "ReadWritePaths").Split(' ');
        Assert.Contains(writable, path => ledger.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal));
        Assert.Equal("outcomes", One(service, "StateDirectory"));
        Assert.Contains("/var/lib/outcomes", writable);
    }

    [Fact]
    public void Unit_ExecStart_UsesOnlyOptionsAndValuesServeAccepts()
    {
        var arguments = One(Service(), "ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("outcomes", Path.GetFileName(arguments[0]));
        Assert.Equal("serve", arguments[1]);

        var help = CliRun.Invoke("serve", "--help").AssertOk().Output;
        var options = arguments.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToList();
        Assert.Contains("--metrics", options);
        Assert.Contains("--log-format", options);
        Assert.Contains("--max-checkpoint-age", options);
        foreach (var option in options)
        {
            Assert.Matches(@"(?m)^\s+(-\w, )?" + System.Text.RegularExpressions.Regex.Escape(option) + @"(\s|,|$)", help);
        }

        Assert.Equal(TimeSpan.FromMinutes(5), OperationsOptions.ParseDuration(arguments[Array.IndexOf(arguments, "--max-checkpoint-age") + 1], "--max-checkpoint-age"));
        Assert.Contains(arguments[Array.IndexOf(arguments, "--log-format") + 1], new[] { "text", "json" });
    }

    [Fact]
    public async Task Unit_SystemdAnalyzeVerify_NoComplaint()
    {
        var analyze = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(p => Path.Combine(p, "systemd-analyze")).FirstOrDefault(File.Exists);
        Assert.SkipWhen(analyze is null, "systemd-analyze is not installed (apt-get install systemd); the unit's settings are still checked above");

        // verify refuses an ExecStart whose program is missing: point it at one that exists, the unit otherwise as shipped.
        var folder = Directory.CreateTempSubdirectory("outcomes-systemd-").FullName;
        try
        {
            var unit = Path.Combine(folder, "outcomes.service");
            await File.WriteAllTextAsync(unit, (await File.ReadAllTextAsync(UnitPath(), TestContext.Current.CancellationToken)).Replace("ExecStart=/opt/outcomes/outcomes ", "ExecStart=/bin/true ", StringComparison.Ordinal), TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo(analyze!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("verify");
            start.ArgumentList.Add(unit);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            // It warns of unknown keys and bad values without failing: any complaint fails here.
            Assert.True(process.ExitCode == 0 && error.Trim().Length == 0 && output.Trim().Length == 0, $"exit {process.ExitCode}: {output}{error}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
