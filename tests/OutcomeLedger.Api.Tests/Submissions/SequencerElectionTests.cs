using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using OutcomeLedger.Api.Features.Entries;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Storage;
using OutcomeLedger.Storage.Tests.Postgres;

namespace OutcomeLedger.Api.Tests.Submissions;

/// <summary>
/// Scale-out (issue 6): two <c>outcomes serve</c> processes on one PostgreSQL ledger take writes at the same time; the
/// one that sequences is killed with SIGKILL; the other takes over, and every acknowledged entry is in one log at its
/// acknowledged index. Skipped when no PostgreSQL server is installed.
/// </summary>
public sealed class SequencerElectionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    const string Origin = "scale-out.example/log";
    const int AcksBeforeKill = 15;
    const int AcksAfterKill = 25;

    readonly string _folder = Path.Combine(Path.GetTempPath(), "outcomes-scaleout-tests", Guid.NewGuid().ToString("N"));
    readonly SigningKey _operator = SigningKey.FromSeed(Seed(1));
    readonly SigningKey _us = SigningKey.FromSeed(Seed(2));
    readonly SigningKey _mx = SigningKey.FromSeed(Seed(3));

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sequencer_KilledWhileTwoServersWrite_SurvivorTakesOverAndKeepsEveryAcknowledgedEntry()
    {
        var connection = await database.ConnectionStringAsync("scaleout", Cancel);
        var token = await CreateLedgerAsync(connection);

        await using var first = await ServeProcess.StartAsync(_folder, Cancel);
        Assert.Equal(first.ProcessId, await WaitForSequencerAsync(connection, null));
        await using var second = await ServeProcess.StartAsync(_folder, Cancel);

        var acknowledged = new ConcurrentBag<(ulong Index, Hash LeafHash, string Via, bool AfterKill)>();
        var killed = 0;
        var stop = 0;
        var writers = new[]
        {
            WriteAsync(first, "a", token, acknowledged, () => Volatile.Read(ref killed) == 1, () => Volatile.Read(ref stop) == 1),
            WriteAsync(second, "b", token, acknowledged, () => Volatile.Read(ref killed) == 1, () => Volatile.Read(ref stop) == 1),
        };

        await UntilAsync(() => acknowledged.Count(a => a.Via == "a") >= AcksBeforeKill && acknowledged.Count(a => a.Via == "b") >= AcksBeforeKill, writers, "both servers acknowledge writes");
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref killed, 1);
        first.Kill();

        var successor = await WaitForSequencerAsync(connection, first.ProcessId);
        var takeover = clock.Elapsed;
        Assert.Equal(second.ProcessId, successor);
        await UntilAsync(() => acknowledged.Count(a => a.AfterKill) >= AcksAfterKill, writers, "the surviving server acknowledges writes after the kill");
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(writers);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"takeover after {takeover.TotalSeconds:F1} s; {acknowledged.Count} acknowledged ({acknowledged.Count(a => a.Via == "a")} through the killed server, {acknowledged.Count(a => a.AfterKill)} after the kill)"));

        await using var ledger = await LedgerFolder.OpenAsync(_folder, Cancel);
        var latest = await ledger.Store.GetLatestCheckpointAsync(Cancel);
        Assert.NotNull(latest);
        var leaves = await ledger.Store.ReadLeavesAsync(0, (int)latest.Size, Cancel);
        Assert.Equal(latest.Size, (ulong)leaves.Count);
        foreach (var (index, leafHash, via, _) in acknowledged)
        {
            Assert.True(index < latest.Size, $"entry acknowledged by {via} at {index} is beyond the log's size {latest.Size}");
            Assert.Equal(leafHash, leaves[(int)index].LeafHash);
        }

        Assert.Equal(leaves.Count, leaves.Select(l => l.LeafHash).Distinct().Count());
        Assert.Equal(acknowledged.Count, acknowledged.Select(a => a.Index).Distinct().Count());
        var verification = await LogVerifier.VerifyAsync(ledger.Store, ledger.LogVerifierKey.CreateVerifier(), null, Cancel);
        Assert.True(verification.IsValid, verification.FirstFailure);
        Assert.Equal(latest.Size, verification.Entries);
        await AssertCheckpointsConsistentAsync(ledger);
        Assert.True(takeover < TimeSpan.FromSeconds(30), $"the survivor took {takeover.TotalSeconds:F1} s to take over");
    }

    /// <summary>Every stored checkpoint is a prefix of the latest: an RFC 9162 consistency proof from the tiles verifies.</summary>
    static async Task AssertCheckpointsConsistentAsync(LedgerFolder ledger)
    {
        var checkpoints = await ledger.Store.GetCheckpointsAsync(Cancel);
        var latest = checkpoints[^1];
        foreach (var checkpoint in checkpoints)
        {
            var proof = await ComputeAsync(ledger, latest.Size, hashes => MerkleMath.ConsistencyProof(hashes, checkpoint.Size, latest.Size));
            Assert.True(ConsistencyProof.Verify(checkpoint.Size, latest.Size, proof, checkpoint.Root, latest.Root).IsValid, $"checkpoint {checkpoint.Size} is not a prefix of {latest.Size}");
        }
    }

    static async Task<IReadOnlyList<Hash>> ComputeAsync(LedgerFolder ledger, ulong size, Func<IMerkleHashes, IReadOnlyList<Hash>> compute)
    {
        var needed = new HashSet<OutcomeLedger.Core.Transparency.Tiles.TileId>();
        compute(new OutcomeLedger.Core.Transparency.Tiles.TileHashReader(size, tile =>
        {
            needed.Add(tile);
            return new byte[tile.Width * Hash.Size];
        }));
        var tiles = new Dictionary<OutcomeLedger.Core.Transparency.Tiles.TileId, byte[]>();
        foreach (var tile in needed)
        {
            var bytes = await ledger.Store.ReadTileAsync(tile.Level, tile.Index, Cancel);
            Assert.NotNull(bytes);
            tiles[tile] = bytes[..(tile.Width * Hash.Size)];
        }

        return compute(new OutcomeLedger.Core.Transparency.Tiles.TileHashReader(size, tile => tiles[tile]));
    }

    async Task WriteAsync(ServeProcess server, string name, string token, ConcurrentBag<(ulong, Hash, string, bool)> acknowledged, Func<bool> killed, Func<bool> stop)
    {
        // Each writer keeps four requests in flight, so batches hold entries from both servers.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async lane =>
        {
            for (var i = 0; !stop(); i++)
            {
                var afterKill = killed();
                var entry = EntryCodec.Sign(Statement($"{name}-{lane}-{i}"), _us);
                HttpResponseMessage response;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/statements") { Content = new ByteArrayContent(entry) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    response = await server.Client.SendAsync(request, Cancel);
                }
                catch (HttpRequestException) when (server.Killed)
                {
                    // The killed server never answered: not acknowledged, so the log owes this entry nothing.
                    return;
                }

                using (response)
                {
                    if (server.Killed && response.StatusCode != HttpStatusCode.Created)
                    {
                        return;
                    }

                    // 201, or the documented answer when the killed sequencer committed this entry but died before
                    // recording its outcome: the survivor finds it logged, and says so (200, a duplicate at its index).
                    var body = await response.Content.ReadAsStringAsync(Cancel);
                    Assert.True(
                        response.StatusCode == HttpStatusCode.Created || (response.StatusCode == HttpStatusCode.OK && killed()),
                        $"{name}: {response.StatusCode} {body}\n{server.Output()}");
                    var ack = System.Text.Json.JsonSerializer.Deserialize<EntryAcknowledgement>(body, System.Text.Json.JsonSerializerOptions.Web);
                    Assert.NotNull(ack);
                    Assert.Equal(response.StatusCode == HttpStatusCode.OK, ack.Duplicate);
                    Assert.Equal(Rfc6962.HashLeaf(entry).ToHex(), ack.LeafHash);
                    acknowledged.Add((ack.Index, Rfc6962.HashLeaf(entry), name, afterKill));
                }
            }
        }));
    }

    /// <summary>The process id of the server holding the sequencer lock, once it is not <paramref name="not"/>.</summary>
    static Task<int> WaitForSequencerAsync(string connectionString, int? not) => SequencerLockHolder.WaitForAsync(connectionString, not, Cancel);

    static async Task UntilAsync(Func<bool> condition, Task[] writers, string what)
    {
        for (var attempt = 0; !condition(); attempt++)
        {
            if (writers.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed;
            }

            Assert.True(attempt < 1200, $"timed out waiting until {what}");
            await Task.Delay(100, Cancel);
        }
    }

    async Task<string> CreateLedgerAsync(string connectionString)
    {
        await using (var ledger = await LedgerFolder.CreateAsync(_folder, Origin, connectionString, Cancel))
        {
            ledger.Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestServer.At);
            using var sequencer = await ledger.OpenSequencerAsync(Cancel);
            var genesis = new[]
            {
                EntryCodec.Sign(TestServer.Party(TestServer.OperatorId, "Ledger operator", PartyRole.Operator, _operator), _operator),
                EntryCodec.Sign(TestServer.Party(TestServer.UsId, "United States", PartyRole.Party, _us), _operator),
                EntryCodec.Sign(TestServer.Party(TestServer.MxId, "México", PartyRole.Party, _mx), _operator),
            };
            foreach (var result in await sequencer.SubmitAsync(genesis, Cancel))
            {
                Assert.True(result.IsLogged, string.Join("; ", result.Errors));
            }

            // A shared ledger keeps its tokens in its database, where every server finds them.
            return (await ledger.Tokens.CreateAsync(TestServer.UsId, AccessRole.Party, TestServer.At, Cancel)).Token;
        }
    }

    static StatementRecord Statement(string id) => new()
    {
        Author = TestServer.UsId,

        // The servers log by the system's clock.
        RecordedAt = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()),
        Id = new StatementId("scale-" + id),
        Date = new DateOnly(2026, 1, 15),
        Title = "Statement " + id,
        Parties = [TestServer.UsId, TestServer.MxId],
        StatementKind = StatementKind.JointStatement,
        SourceUrl = "https://www.state.gov/example",
    };

    public void Dispose()
    {
        _operator.Dispose();
        _us.Dispose();
        _mx.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    static byte[] Seed(byte b) => Enumerable.Repeat(b, 32).ToArray();
}
