using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api.Tests.Operations;

/// <summary>
/// A real <c>outcomes serve</c> process: its standard output carries only what the command prints (where it listens,
/// its SHA-256); the server's log lines go to standard error, as text or (<c>--log-format json</c>) one JSON object a
/// line, and never carry a token sent in a request or a witness URL's password.
/// </summary>
public sealed class ServerLogsTests : IAsyncLifetime
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    readonly string _folder = Path.Combine(Path.GetTempPath(), "outcomes-logs-tests", Guid.NewGuid().ToString("N"));
    string _token = "";

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using var operatorKey = SigningKey.Generate();
        await using (var ledger = await LedgerFolder.CreateAsync(_folder, "logs-tests.example/log", null, Cancel))
        {
            using var sequencer = await ledger.OpenSequencerAsync(Cancel);
            var now = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
            var party = TestServer.Party(TestServer.OperatorId, "Ledger operator", PartyRole.Operator, operatorKey) with { RecordedAt = now };
            var result = (await sequencer.SubmitAsync([EntryCodec.Sign(party, operatorKey)], Cancel))[0];
            Assert.True(result.IsLogged, string.Join("; ", result.Errors));
        }

        _token = (await new AccessTokens(TokenFile.InFolder(_folder)).CreateAsync(TestServer.OperatorId, AccessRole.Admin, TimeProvider.System.GetUtcNow(), Cancel)).Token;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("text", false)]
    [InlineData("json", false)]
    [InlineData("json", true)]
    public async Task Serve_LogsToStandardErrorOnly_InTheFormatAskedFor_WithoutTokensOrPasswords(string format, bool byEnvironment)
    {
        // A witness that cannot be reached (nothing listens on port 9 of loopback), named with a password in its URL:
        // the server logs a warning about it, which must not carry the password.
        using var witnessKey = SignerKey.FromSeed("unreachable.example/w", NoteKeyType.CosignatureV1, Enumerable.Repeat((byte)7, 32).ToArray());
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "exec", Path.Combine(AppContext.BaseDirectory, "outcomes.dll"), "serve", "--ledger", _folder, "--urls", "http://127.0.0.1:0",
            "--witness", $"http://operator:hunter2-secret@127.0.0.1:9/={witnessKey.VerifierKey}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // The same configuration from the environment (a service manager's Environment=), metrics included.
        if (byEnvironment)
        {
            start.Environment["OUTCOMES_LOG_FORMAT"] = format;
            start.Environment["OUTCOMES_METRICS"] = "true";
        }
        else
        {
            start.ArgumentList.Add("--log-format");
            start.ArgumentList.Add(format);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        var errorDone = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(Cancel) is { } line)
            {
                lock (error)
                {
                    error.AppendLine(line);
                }
            }
        }, Cancel);
        try
        {
            string? address = null;
            while (address is null && await process.StandardOutput.ReadLineAsync(Cancel) is { } line)
            {
                output.AppendLine(line);
                var on = line.IndexOf(" on http://", StringComparison.Ordinal);
                address = line.StartsWith("Serving ", StringComparison.Ordinal) && on > 0 ? line[(on + 4)..].Split(' ', ',')[0] : null;
            }

            Assert.True(address is not null, $"no address printed: {output}{Error()}");
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            using (var metrics = await client.GetAsync("metrics", Cancel))
            {
                Assert.Equal(byEnvironment ? System.Net.HttpStatusCode.OK : System.Net.HttpStatusCode.NotFound, metrics.StatusCode);
            }

            using (var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/parties"))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                using var answer = await client.SendAsync(request, Cancel);
                Assert.True(answer.IsSuccessStatusCode);
            }

            using (var wrong = new HttpRequestMessage(HttpMethod.Post, "api/v1/parties?token=" + _token))
            {
                wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token + "x");
                wrong.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                using var refused = await client.SendAsync(wrong, Cancel);
                Assert.False(refused.IsSuccessStatusCode);
            }

            // Polled every 100 ms up to Patience: a bound on a hang, not a timing.
            for (var attempt = 0; !Error().Contains("unreachable.example/w", StringComparison.Ordinal); attempt++)
            {
                Assert.True(attempt * 100 < Patience.TotalMilliseconds, $"no witness warning logged: {Error()}");
                await Task.Delay(100, Cancel);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }

        output.Append(await process.StandardOutput.ReadToEndAsync(Cancel));
        await process.WaitForExitAsync(Cancel);
        await errorDone;

        // Standard output: the command's own two lines, nothing of the server's log.
        var printed = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, printed.Length);
        Assert.StartsWith("Serving logs-tests.example/log on http://127.0.0.1:", printed[0], StringComparison.Ordinal);
        Assert.StartsWith("sha256: ", printed[1], StringComparison.Ordinal);

        var logged = Error();
        Assert.DoesNotContain(_token, logged, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", logged, StringComparison.Ordinal);
        var lines = logged.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        if (format == "json")
        {
            foreach (var line in lines)
            {
                using var json = JsonDocument.Parse(line);
                Assert.True(json.RootElement.TryGetProperty("LogLevel", out _), line);
                Assert.True(json.RootElement.TryGetProperty("Category", out _), line);
            }

            Assert.Contains(lines, l => l.Contains("\"Category\":\"OutcomeLedger.Api.Features.Witnesses.WitnessPusher\"", StringComparison.Ordinal) && l.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal));
        }
        else
        {
            Assert.DoesNotContain(lines, l => l.StartsWith('{'));
            Assert.Contains(lines, l => l.StartsWith("warn: OutcomeLedger.Api.Features.Witnesses.WitnessPusher", StringComparison.Ordinal));
        }

        string Error()
        {
            lock (error)
            {
                return error.ToString();
            }
        }
    }

    [Fact]
    public async Task Serve_UnderSystemd_NotifiesReadyAndLogsWithJournalPriorities()
    {
        // What Microsoft.Extensions.Hosting.Systemd looks for: a parent process named systemd, and NOTIFY_SOCKET. The
        // parent here is a copy of /bin/sh named systemd that runs the server as its child and waits for it.
        Assert.SkipUnless(File.Exists("/bin/sh") && OperatingSystem.IsLinux(), "needs Linux and /bin/sh");
        var folder = Directory.CreateTempSubdirectory("outcomes-notify-").FullName;
        try
        {
            var systemd = Path.Combine(folder, "systemd");
            File.Copy("/bin/sh", systemd);   // keeps its mode: executable
            var socketPath = Path.Combine(folder, "notify");
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(socketPath));

            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            var start = new ProcessStartInfo(systemd) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            // "; exit $?" keeps the shell as the server's parent instead of letting it exec the last command.
            start.ArgumentList.Add("\"$0\" exec \"$1\" serve --ledger \"$2\" --urls http://127.0.0.1:0; exit $?");
            start.ArgumentList.Add(dotnet);
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "outcomes.dll"));
            start.ArgumentList.Add(_folder);
            start.Environment["NOTIFY_SOCKET"] = socketPath;
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync(Cancel);
            var output = process.StandardOutput.ReadToEndAsync(Cancel);
            try
            {
                var buffer = new byte[256];
                using var patience = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
                patience.CancelAfter(Patience);
                var received = await socket.ReceiveAsync(buffer, SocketFlags.None, patience.Token);
                Assert.Contains("READY=1", Encoding.UTF8.GetString(buffer, 0, received), StringComparison.Ordinal);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(Cancel);
            }

            // Journal priorities (<6> information, <4> warning), no colour; standard output still only the command's lines.
            var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.Matches(@"^<[0-7]>", l));
            Assert.DoesNotContain("\u001b[", await error, StringComparison.Ordinal);
            Assert.StartsWith("Serving logs-tests.example/log on http://127.0.0.1:", await output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
