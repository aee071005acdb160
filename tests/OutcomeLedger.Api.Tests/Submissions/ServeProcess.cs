using System.Diagnostics;
using System.Text;

namespace OutcomeLedger.Api.Tests.Submissions;

/// <summary>A real <c>outcomes serve</c> child process on a free loopback port, killed with SIGKILL or at disposal.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();

    ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    public bool Killed { get; private set; }

    public static async Task<ServeProcess> StartAsync(string ledger, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "outcomes.dll"), "serve", "--ledger", ledger, "--urls", "http://127.0.0.1:0", "--writes-per-minute", "100000" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start outcomes serve");
        var lines = new StringBuilder();
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            lines.AppendLine(line);
            // "Serving <origin> on http://127.0.0.1:<port> (Ctrl+C to stop)"
            var on = line.IndexOf(" on http://", StringComparison.Ordinal);
            if (line.StartsWith("Serving ", StringComparison.Ordinal) && on > 0)
            {
                var url = line[(on + 4)..].Split(' ', ',')[0];
                var served = new ServeProcess(process, new Uri(url));
                served._output.Append(lines);
                _ = served.DrainAsync();
                return served;
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        throw new InvalidOperationException($"outcomes serve exited with {process.ExitCode}: {lines}{await stderr}");
    }

    async Task DrainAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>What the server printed so far, for a failure message.</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush; its database sessions end when PostgreSQL sees the sockets close.</summary>
    public void Kill()
    {
        Killed = true;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
