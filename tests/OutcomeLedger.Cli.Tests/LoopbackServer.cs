using System.Net;
using System.Net.Sockets;

namespace OutcomeLedger.Cli.Tests;

/// <summary>
/// A small HTTP server on 127.0.0.1 for tests: answers GET /log/&lt;path&gt; from a function of the path, optionally
/// after a delay. Never listens beyond the loopback address.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    readonly HttpListener _listener = new();
    readonly Func<string, (HttpStatusCode Status, byte[]? Body)> _respond;
    readonly CancellationTokenSource _stop = new();

    public LoopbackServer(Func<string, (HttpStatusCode Status, byte[]? Body)> respond)
    {
        _respond = respond;
        var port = FreePort();
        Prefix = $"http://127.0.0.1:{port}/log/";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>Serves <paramref name="files"/> by path; anything else is 404.</summary>
    public static LoopbackServer ForFiles(IReadOnlyDictionary<string, byte[]> files) =>
        new(path => files.TryGetValue(path, out var body) ? (HttpStatusCode.OK, body) : (HttpStatusCode.NotFound, null));

    /// <summary>The URL prefix the log's files are under, ending with '/'.</summary>
    public string Prefix { get; }

    public TimeSpan Delay { get; init; }

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, _stop.Token);
            }

            var path = context.Request.Url!.AbsolutePath;
            var (status, body) = path.StartsWith("/log/", StringComparison.Ordinal) ? _respond(path["/log/".Length..]) : (HttpStatusCode.NotFound, null);
            context.Response.StatusCode = (int)status;
            if (body is not null)
            {
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body, _stop.Token);
            }

            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client went away or the server is stopping.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
