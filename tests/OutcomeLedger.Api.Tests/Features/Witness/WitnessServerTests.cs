using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Api.Features.Witness;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Api.Tests.Features.Witness;

/// <summary>
/// <c>outcomes witness serve</c>'s server: a witness that is not a log, on a real Kestrel, answering add-checkpoint with
/// the status codes and bodies of c2sp.org/tlog-witness, and keeping its state in its folder across restarts.
/// </summary>
public sealed class WitnessServerTests : IAsyncDisposable
{
    readonly string _state = Path.Combine(Path.GetTempPath(), "outcomes-witness-tests", Guid.NewGuid().ToString("N"));
    readonly SignerKey _log = SignerKey.FromSeed("log.example/a", NoteKeyType.Ed25519, Enumerable.Repeat((byte)1, 32).ToArray());
    readonly MerkleTree _tree = new();
    WebApplication? _app;
    HttpClient? _client;

    static SignerKey WitnessKey() => SignerKey.FromSeed("witness.example/w1", NoteKeyType.CosignatureV1, Enumerable.Repeat((byte)2, 32).ToArray());

    async Task<HttpClient> StartAsync(bool metrics = false)
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _app = WitnessServer.Build(new WitnessServerOptions { Key = WitnessKey(), Logs = [_log.VerifierKey], StateFolder = _state, Urls = ["http://127.0.0.1:0"], Metrics = metrics });
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client?.Dispose();
        _client = new HttpClient { BaseAddress = new Uri(address + "/") };
        return _client;
    }

    void Grow(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _tree.Append(Encoding.UTF8.GetBytes($"entry {_tree.Size}"));
        }
    }

    SignedNote Note(SignerKey? signer = null) => new Checkpoint(_log.Name, _tree.Size, _tree.Root()).Sign((signer ?? _log).CreateSigner());

    static async Task<(HttpStatusCode Status, string? Type, string Body)> PostAsync(HttpClient client, ulong old, IReadOnlyList<Hash> proof, SignedNote note)
    {
        Assert.True(Checkpoint.TryParse(note.Text, out var checkpoint, out _));
        using var content = new ByteArrayContent(new AddCheckpointRequest(old, proof, note, checkpoint).ToBytes());
        using var response = await client.PostAsync("add-checkpoint", content, TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AddCheckpoint_CosignsThenRemembersAcrossRestart()
    {
        var client = await StartAsync();
        Grow(4);
        var first = await PostAsync(client, 0, [], Note());
        Assert.Equal(HttpStatusCode.OK, first.Status);
        using var witness = WitnessKey();
        Assert.True(WitnessAnswer.TryReadCosignature(Note(), Encoding.UTF8.GetBytes(first.Body), witness.VerifierKey, out _, out var error), error);

        // A new process on the same state folder knows size 4: old 0 is a conflict naming it, as text/x.tlog.size.
        client = await StartAsync();
        Grow(3);
        var stale = await PostAsync(client, 0, [], Note());
        Assert.Equal((HttpStatusCode.Conflict, "text/x.tlog.size", "4\n"), stale);

        var next = await PostAsync(client, 4, _tree.ConsistencyProof(4, 7), Note());
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.StartsWith("— witness.example/w1 ", next.Body, StringComparison.Ordinal);
        Assert.EndsWith("\n", next.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_RequestsCosignaturesAndRefusalsByReason()
    {
        var client = await StartAsync(metrics: true);
        Grow(3);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, 0, [], Note())).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(client, 0, [], Note())).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(client, 1, [], Note())).Status);
        using var stranger = SignerKey.FromSeed("log.example/b", NoteKeyType.Ed25519, Enumerable.Repeat((byte)3, 32).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, 0, [], new Checkpoint(stranger.Name, _tree.Size, _tree.Root()).Sign(stranger.CreateSigner()))).Status);

        using var response = await client.GetAsync("metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n');
        Assert.Contains("outcomes_witness_cosignatures_total 1", lines);
        Assert.Contains("outcomes_witness_refusals_total{reason=\"old_size_mismatch\"} 2", lines);
        Assert.Contains("outcomes_witness_refusals_total{reason=\"unknown_log\"} 1", lines);
        Assert.DoesNotContain(lines, l => l.Contains("reason=\"inconsistent\"", StringComparison.Ordinal));
        Assert.Contains("outcomes_http_requests_total{method=\"POST\",route=\"/add-checkpoint\",status=\"200\"} 1", lines);
        Assert.Contains("outcomes_http_requests_total{method=\"POST\",route=\"/add-checkpoint\",status=\"409\"} 2", lines);
    }

    [Fact]
    public async Task Metrics_OffByDefault_NotServed()
    {
        var client = await StartAsync();
        using var response = await client.GetAsync("metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AddCheckpoint_ForkedLog_RefusedEveryWay()
    {
        var client = await StartAsync();
        Grow(5);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, 0, [], Note())).Status);

        // The same log key signs another tree: same size, another root (409), then a longer one whose proof fails (422).
        var fork = new MerkleTree();
        for (var i = 0; i < 5; i++)
        {
            fork.Append(Encoding.UTF8.GetBytes($"forked {i}"));
        }

        var sameSize = new Checkpoint(_log.Name, fork.Size, fork.Root()).Sign(_log.CreateSigner());
        Assert.Equal((HttpStatusCode.Conflict, "text/x.tlog.size", "5\n"), await PostAsync(client, 5, [], sameSize));
        fork.Append("more"u8.ToArray());
        var longer = new Checkpoint(_log.Name, fork.Size, fork.Root()).Sign(_log.CreateSigner());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(client, 5, fork.ConsistencyProof(5, 6), longer)).Status);
    }

    [Fact]
    public async Task AddCheckpoint_UnknownLogWrongKeyOrBadBody_404_403_400()
    {
        var client = await StartAsync();
        Grow(2);
        using var stranger = SignerKey.FromSeed("log.example/b", NoteKeyType.Ed25519, Enumerable.Repeat((byte)3, 32).ToArray());
        var unknown = new Checkpoint(stranger.Name, _tree.Size, _tree.Root()).Sign(stranger.CreateSigner());
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, 0, [], unknown)).Status);

        using var impostor = SignerKey.FromSeed(_log.Name, NoteKeyType.Ed25519, Enumerable.Repeat((byte)4, 32).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, 0, [], Note(impostor))).Status);

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, 3, [], Note())).Status);
        using var garbage = new StringContent("old 1\n", Encoding.UTF8, "text/plain");
        using var malformed = await client.PostAsync("add-checkpoint", garbage, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.False(File.Exists(Path.Combine(_state, "witness-state.json")));
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _log.Dispose();
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
