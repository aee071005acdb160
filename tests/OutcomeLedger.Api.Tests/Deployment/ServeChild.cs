using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OutcomeLedger.Api.Tests.Deployment;

/// <summary>
/// A real <c>outcomes serve</c> child process started with the arguments and environment given; it is ready once it
/// printed "Serving … on &lt;address&gt;". Disposal kills its whole process tree, whatever happened before.
/// </summary>
public sealed class ServeChild : IAsyncDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();
    readonly StringBuilder _error = new();
    readonly Task _errorDone;

    ServeChild(Process process)
    {
        _process = process;
        _errorDone = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lock (_error)
                {
                    _error.AppendLine(line);
                }
            }
        });
    }

    /// <summary>The first address it printed it listens on.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>A loopback TCP port nothing listens on at the moment of asking.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Starts the server; fails (and kills it) if it exits or prints no address within <paramref name="patience"/>.</summary>
    public static async Task<ServeChild> StartAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan patience, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "outcomes.dll"));
        start.ArgumentList.Add("serve");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing inherited from the test run's own environment chooses the address unless the test says so.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("URLS");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var child = new ServeChild(Process.Start(start) ?? throw new InvalidOperationException("cannot start outcomes serve"));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(patience);
            while (await child._process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                child._output.AppendLine(line);
                // "Serving <origin> on <address>[, <address>…] (Ctrl+C to stop)"
                var on = line.IndexOf(" on ", StringComparison.Ordinal);
                if (line.StartsWith("Serving ", StringComparison.Ordinal) && on > 0)
                {
                    child.Address = new Uri(line[(on + 4)..].Split(' ', ',')[0]);
                    _ = child.DrainAsync();
                    return child;
                }
            }

            throw new InvalidOperationException($"outcomes serve printed no address: {child.Output()}{child.Error()}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await child.DisposeAsync();
            throw new TimeoutException($"outcomes serve printed no address within {patience}: {child.Output()}{child.Error()}");
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
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

    /// <summary>What it printed on standard output so far.</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <summary>What it logged on standard error so far.</summary>
    public string Error()
    {
        lock (_error)
        {
            return _error.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            await _errorDone.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            // Killed; a stream that will not close is no reason to hang the test run.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
