using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Api.Tests.Features.Witnesses;

/// <summary>
/// The log as a tlog-witness client (<c>outcomes serve --witness</c>), end to end on real Kestrels: three witnesses
/// with one killed mid-run, a witness that already holds a size (409 catch-up), and witnesses that answer badly or
/// never; cosignatures served with <c>/checkpoint</c> only once verified, alarms on <c>/readyz</c>, sequencing never
/// held up.
/// </summary>
public sealed class WitnessPushTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        // Polled every 50 ms up to Patience: a bound on a hang, not a timing.
        for (var attempt = 0; ; attempt++)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(attempt * 50 < Patience.TotalMilliseconds, $"timed out waiting for {what}; last: {value}");
            await Task.Delay(50, Cancel);
        }
    }

    static Task<(HttpStatusCode Status, string Body)> CheckpointAsync(TestServer server) => CheckpointAsync(server.Client);

    static async Task<JsonElement> WitnessReportsAsync(TestServer server)
    {
        using var response = await server.Client.GetAsync("readyz", Cancel);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("ready", json.RootElement.GetProperty("status").GetString());
        return json.RootElement.GetProperty("witnesses").Clone();
    }

    static JsonElement Report(JsonElement reports, VerifierKey key) => reports.EnumerateArray().Single(r => r.GetProperty("name").GetString() == key.Name);

    /// <summary>The checkpoint's signatures by <paramref name="witnesses"/> that verify.</summary>
    static int VerifiedCosignatures(string note, params VerifierKey[] witnesses)
    {
        Assert.True(SignedNote.TryParse(Encoding.UTF8.GetBytes(note), out var parsed, out _));
        return witnesses.Count(w => parsed.TryVerify(new NoteVerifierSet([w.CreateVerifier()]), out _, out _));
    }

    static ulong SizeOf(string note) => ulong.Parse(note.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);

    static async Task<ulong> LogAsync(TestServer server, string period, decimal value)
    {
        using var response = await server.PostAsync("api/v1/measurements", EntryCodec.Sign(TestServer.Measurement(period, value), server.Us), server.Tokens[Core.Access.AccessRole.Party]);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return json.RootElement.GetProperty("index").GetUInt64();
    }

    [Fact]
    public async Task ThreeWitnesses_OneKilledMidRun_QuorumOfTwoStillServesNewCheckpoints()
    {
        var started = new List<InProcessWitness>();
        await using var server = new TestServer
        {
            WitnessQuorum = 2,
            WitnessTimeout = TimeSpan.FromSeconds(2),
            Witnesses = async s =>
            {
                foreach (var (name, seed) in new[] { ("us.example/witness", (byte)11), ("mx.example/witness", (byte)12), ("press.example/witness", (byte)13) })
                {
                    started.Add(await InProcessWitness.StartOursAsync(name, seed, s.LogKey));
                }

                return [.. started.Select(w => w.AsLogWitness)];
            },
        };
        await server.InitializeAsync();
        try
        {
            var keys = started.Select(w => w.Key).ToArray();
            var first = await EventuallyAsync(() => CheckpointAsync(server), c => c.Status == HttpStatusCode.OK && VerifiedCosignatures(c.Body, keys) == 3, "three cosignatures");
            var firstSize = SizeOf(first.Body);

            await started[2].StopAsync();
            var index = await LogAsync(server, "2026-02", 790m);
            Assert.Equal(firstSize, index);

            var second = await EventuallyAsync(() => CheckpointAsync(server), c => SizeOf(c.Body) == firstSize + 1, "the new checkpoint served with a quorum");
            Assert.Equal(2, VerifiedCosignatures(second.Body, keys));
            var reports = await EventuallyAsync(() => WitnessReportsAsync(server), r => Report(r, keys[2]).GetProperty("consecutiveFailures").GetInt32() > 0, "the dead witness reported");
            Assert.Equal("unreachable", Report(reports, keys[2]).GetProperty("alarm").GetString());
            Assert.Equal(firstSize, Report(reports, keys[2]).GetProperty("cosignedSize").GetUInt64());
            Assert.Equal(firstSize + 1, Report(reports, keys[0]).GetProperty("cosignedSize").GetUInt64());
            Assert.False(Report(reports, keys[0]).TryGetProperty("alarm", out _));
        }
        finally
        {
            foreach (var witness in started)
            {
                await witness.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Quorum_NotReached_NoCheckpointServedButEntriesStillLogged()
    {
        InProcessWitness? good = null;
        InProcessWitness? refusing = null;
        await using var server = new TestServer
        {
            WitnessQuorum = 2,
            Witnesses = async s =>
            {
                good = await InProcessWitness.StartOursAsync("us.example/witness", 11, s.LogKey);
                refusing = await InProcessWitness.StartScriptedAsync("mx.example/witness", 12, (context, _) =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
                return [good.AsLogWitness, refusing.AsLogWitness];
            },
        };
        await server.InitializeAsync();
        await using (good)
        await using (refusing)
        {
            var reports = await EventuallyAsync(() => WitnessReportsAsync(server), r => Report(r, good!.Key).TryGetProperty("cosignedSize", out var s) && s.ValueKind == JsonValueKind.Number, "the good witness's cosignature");
            Assert.Equal("unknown-log", Report(reports, refusing!.Key).GetProperty("alarm").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await CheckpointAsync(server)).Status);
            var index = await LogAsync(server, "2026-02", 790m);
            Assert.True(index > 0);
            Assert.Equal(HttpStatusCode.NotFound, (await CheckpointAsync(server)).Status);
        }
    }

    [Fact]
    public async Task WitnessAlreadyHoldingTheLog_409ThenCatchesUpFromItsSize()
    {
        InProcessWitness? witness = null;
        await using var server = new TestServer
        {
            Witnesses = async s =>
            {
                witness = await InProcessWitness.StartOursAsync("us.example/witness", 11, s.LogKey);
                // The witness cosigned this log before (an earlier run): it holds its current size.
                await using var ledger = await Storage.LedgerFolder.OpenAsync(s.Folder, Cancel);
                var latest = await ledger.Store.GetLatestCheckpointAsync(Cancel);
                using var client = new HttpClient { BaseAddress = witness.Url };
                using var seeded = await client.PostAsync("add-checkpoint", new StringContent("old 0\n\n" + latest!.Note), Cancel);
                Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
                return [witness.AsLogWitness];
            },
        };
        await server.InitializeAsync();
        await using (witness)
        {
            var size = SizeOf((await CheckpointAsync(server)).Body);
            // The log starts from old 0, hears 409 with the size the witness holds, and submits again from there.
            var first = await EventuallyAsync(() => CheckpointAsync(server), c => VerifiedCosignatures(c.Body, witness!.Key) == 1, "the catch-up cosignature");
            Assert.Equal(size, SizeOf(first.Body));
            Assert.True(witness!.Requests >= 3, $"{witness.Requests} requests: seed, the 409, the retry");

            await LogAsync(server, "2026-02", 790m);
            var grown = await EventuallyAsync(() => CheckpointAsync(server), c => SizeOf(c.Body) == size + 1 && VerifiedCosignatures(c.Body, witness.Key) == 1, "the grown checkpoint cosigned");
            Assert.Equal(size + 1, SizeOf(grown.Body));
        }
    }

    [Fact]
    public async Task BadWitnesses_EachAlarmedNothingUnverifiedStored_SequencingNotHeldUp()
    {
        var witnesses = new List<InProcessWitness>();
        using var impostor = SignerKey.FromSeed("impostor.example/w", NoteKeyType.CosignatureV1, Enumerable.Repeat((byte)99, 32).ToArray());
        await using var server = new TestServer
        {
            WitnessTimeout = TimeSpan.FromSeconds(1),
            Witnesses = async s =>
            {
                witnesses.Add(await InProcessWitness.StartOursAsync("good.example/w", 21, s.LogKey));
                witnesses.Add(await InProcessWitness.StartScriptedAsync("garbage.example/w", 22, (context, _) =>
                    context.Response.WriteAsync("cosigned, trust me\n", Cancel)));
                witnesses.Add(await InProcessWitness.StartScriptedAsync("wrongkey.example/w", 23, async (context, ownKey) =>
                {
                    var body = await new StreamReader(context.Request.Body).ReadToEndAsync(Cancel);
                    Assert.True(SignedNote.TryParse(Encoding.UTF8.GetBytes(body[(body.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]), out var note, out _));
                    await context.Response.WriteAsync(note.AddSignatures(impostor.CreateSigner(TimeProvider.System)).Signatures[^1].ToLine(), Cancel);
                }));
                witnesses.Add(await InProcessWitness.StartScriptedAsync("ahead.example/w", 24, (context, _) =>
                {
                    context.Response.StatusCode = StatusCodes.Status409Conflict;
                    context.Response.ContentType = "text/x.tlog.size";
                    return context.Response.WriteAsync("1000000\n", Cancel);
                }));
                witnesses.Add(await InProcessWitness.StartScriptedAsync("hanging.example/w", 25, async (context, _) =>
                    await Task.Delay(Timeout.Infinite, context.RequestAborted)));
                return [.. witnesses.Select(w => w.AsLogWitness)];
            },
        };
        await server.InitializeAsync();
        try
        {
            var keys = witnesses.Select(w => w.Key).ToArray();
            var reports = await EventuallyAsync(() => WitnessReportsAsync(server),
                r => keys.Skip(1).All(k => Report(r, k).TryGetProperty("alarm", out _)) && Report(r, keys[0]).TryGetProperty("cosignedSize", out _),
                "every bad witness alarmed");
            Assert.Equal("malformed-answer", Report(reports, keys[1]).GetProperty("alarm").GetString());
            Assert.True("bad-cosignature" == Report(reports, keys[2]).GetProperty("alarm").GetString(), reports.ToString());
            Assert.Equal("size-beyond-log", Report(reports, keys[3]).GetProperty("alarm").GetString());
            Assert.Equal("unreachable", Report(reports, keys[4]).GetProperty("alarm").GetString());
            Assert.Contains("no answer within 1 s", Report(reports, keys[4]).GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Contains("1000000", Report(reports, keys[3]).GetProperty("error").GetString(), StringComparison.Ordinal);

            // Only the good witness's cosignature is stored: none by the impostor, none from the garbage.
            var checkpoint = (await CheckpointAsync(server)).Body;
            Assert.Equal(1, VerifiedCosignatures(checkpoint, keys[0]));
            Assert.DoesNotContain(impostor.Name, checkpoint, StringComparison.Ordinal);
            Assert.Equal(2, checkpoint.Split('\n').Count(l => l.StartsWith('—')));

            // A hanging witness holds up no entry.
            var size = SizeOf(checkpoint);
            Assert.Equal(size, await LogAsync(server, "2026-02", 790m));
            await EventuallyAsync(() => CheckpointAsync(server), c => SizeOf(c.Body) == size + 1 && VerifiedCosignatures(c.Body, keys[0]) == 1, "the next checkpoint cosigned by the good witness");
        }
        finally
        {
            foreach (var witness in witnesses)
            {
                await witness.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ForkedLog_RefusedByEveryWitness_AlarmedAndNeverCosigned()
    {
        var started = new List<InProcessWitness>();
        var fork = Path.Combine(Path.GetTempPath(), "outcomes-api-tests", Guid.NewGuid().ToString("N"));
        await using var server = new TestServer
        {
            Witnesses = async s =>
            {
                started.Add(await InProcessWitness.StartOursAsync("us.example/witness", 11, s.LogKey));
                started.Add(await InProcessWitness.StartOursAsync("mx.example/witness", 12, s.LogKey));
                return [.. started.Select(w => w.AsLogWitness)];
            },
        };
        await server.InitializeAsync();
        try
        {
            var keys = started.Select(w => w.Key).ToArray();
            var common = await EventuallyAsync(() => CheckpointAsync(server), c => VerifiedCosignatures(c.Body, keys) == 2, "both cosignatures");
            var size = SizeOf(common.Body);

            // The operator copies the ledger (log key included) and grows the two copies apart.
            await server.StopServerAsync();
            CopyFolder(server.Folder, fork);
            await using var honest = await StartAsync(server.Folder, started);
            await using var forked = await StartAsync(fork, started);
            await LogAsync(honest, server, "2026-02", 790m);
            await EventuallyAsync(() => CheckpointAsync(honest.Client), c => SizeOf(c.Body) == size + 1 && VerifiedCosignatures(c.Body, keys) == 2, "the honest log cosigned");

            await LogAsync(forked, server, "2026-03", 1234m);
            var reports = await EventuallyAsync(() => WitnessReportsAsync(forked.Client), r => keys.All(k => Report(r, k).TryGetProperty("alarm", out _)), "every witness refusing the fork");
            foreach (var key in keys)
            {
                Assert.Equal("forked", Report(reports, key).GetProperty("alarm").GetString());
                Assert.Contains($"another root for size {size + 1}", Report(reports, key).GetProperty("error").GetString(), StringComparison.Ordinal);
            }

            var forkedCheckpoint = (await CheckpointAsync(forked.Client)).Body;
            Assert.Equal(size + 1, SizeOf(forkedCheckpoint));
            Assert.Equal(0, VerifiedCosignatures(forkedCheckpoint, keys));

            // The fork grows again: the proof from what the witnesses hold fails (422), still refused by all.
            await LogAsync(forked, server, "2026-04", 1200m);
            await EventuallyAsync(() => WitnessReportsAsync(forked.Client), r => keys.All(k => Report(r, k).GetProperty("alarm").GetString() == "inconsistent"), "422 from every witness");
            Assert.Equal(0, VerifiedCosignatures((await CheckpointAsync(forked.Client)).Body, keys));
        }
        finally
        {
            foreach (var witness in started)
            {
                await witness.DisposeAsync();
            }

            if (Directory.Exists(fork))
            {
                Directory.Delete(fork, recursive: true);
            }
        }
    }

    sealed class RunningServer(Microsoft.AspNetCore.Builder.WebApplication app, HttpClient client) : IAsyncDisposable
    {
        public HttpClient Client { get; } = client;

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await app.StopAsync(Cancel);
            await app.DisposeAsync();
        }
    }

    static async Task<RunningServer> StartAsync(string folder, IEnumerable<InProcessWitness> witnesses)
    {
        var app = await LedgerServer.BuildAsync(new LedgerServerOptions
        {
            Ledger = folder,
            Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestServer.At),
            Urls = ["http://127.0.0.1:0"],
            Witnesses = [.. witnesses.Select(w => w.AsLogWitness)],
        }, Cancel);
        await app.StartAsync(Cancel);
        var address = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(app.Services)
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single();
        return new RunningServer(app, new HttpClient { BaseAddress = new Uri(address + "/") });
    }

    static async Task LogAsync(RunningServer target, TestServer keys, string period, decimal value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/measurements") { Content = new ByteArrayContent(EntryCodec.Sign(TestServer.Measurement(period, value), keys.Us)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", keys.Tokens[Core.Access.AccessRole.Party]);
        using var response = await target.Client.SendAsync(request, Cancel);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    static async Task<(HttpStatusCode Status, string Body)> CheckpointAsync(HttpClient client)
    {
        using var response = await client.GetAsync("checkpoint", Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    static async Task<JsonElement> WitnessReportsAsync(HttpClient client)
    {
        using var response = await client.GetAsync("readyz", Cancel);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return json.RootElement.GetProperty("witnesses").Clone();
    }

    static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
