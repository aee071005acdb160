using System.Net;
using System.Net.Http.Json;
using System.Text;
using OutcomeLedger.Api.Features.Witness;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Api.Tests.Features.Witness;

/// <summary>
/// The tlog-witness add-checkpoint API with its exact status codes, against a remote log simulated in memory (signed
/// with a key listed in the ledger's witness-logs.txt). Each test uses its own origin, so their order does not matter.
/// </summary>
public sealed class CheckpointWitnessTests(TestServer server) : IClassFixture<TestServer>
{
    sealed class RemoteLog : IDisposable
    {
        public RemoteLog(string origin, TestServer server)
        {
            Key = SignerKey.Generate(origin);
            server.WitnessLog(Key.VerifierKey);
        }

        public SignerKey Key { get; }

        public MerkleTree Tree { get; } = new();

        public void Grow(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Tree.Append(Encoding.UTF8.GetBytes($"entry {Tree.Size}"));
            }
        }

        public string Checkpoint(SignerKey? signer = null) =>
            new Checkpoint(Key.Name, Tree.Size, Tree.Root()).Sign((signer ?? Key).CreateSigner()).ToString();

        public void Dispose() => Key.Dispose();
    }

    static string Body(ulong old, IEnumerable<Hash> proof, string checkpoint) =>
        $"old {old}\n" + string.Concat(proof.Select(h => h.ToBase64() + "\n")) + "\n" + checkpoint;

    Task<HttpResponseMessage> PostAsync(string body) =>
        server.Client.PostAsync("add-checkpoint", new StringContent(body, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

    [Fact]
    public async Task AddCheckpoint_FirstThenConsistent_CosignsEach()
    {
        using var log = new RemoteLog("remote.example/consistent", server);
        log.Grow(5);
        using var first = await PostAsync(Body(0, [], log.Checkpoint()));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cosignature = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var witness = await server.Client.GetFromJsonAsync<WitnessView>("api/v1/witness", TestContext.Current.CancellationToken);
        Assert.True(VerifierKey.TryParse(witness!.VerifierKey, out var witnessKey, out _));
        var cosigned = Encoding.UTF8.GetBytes(log.Checkpoint() + cosignature);
        Assert.True(SignedNote.TryOpen(cosigned, new NoteVerifierSet([witnessKey.CreateVerifier()]), out _, out var error), error?.Message);

        log.Grow(7);
        var proof = log.Tree.ConsistencyProof(5, 12);
        using var second = await PostAsync(Body(5, proof, log.Checkpoint()));
        Assert.True(second.StatusCode == HttpStatusCode.OK, await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("— " + witnessKey.Name + " ", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCheckpoint_OldSizeNotTheLatestCosigned_ConflictWithTheLatestSize()
    {
        using var log = new RemoteLog("remote.example/conflict", server);
        log.Grow(3);
        using var first = await PostAsync(Body(0, [], log.Checkpoint()));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        log.Grow(2);
        using var response = await PostAsync(Body(0, [], log.Checkpoint()));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("text/x.tlog.size", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("3\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AddCheckpoint_SameSizeDifferentRoot_Conflict()
    {
        using var log = new RemoteLog("remote.example/fork", server);
        log.Grow(4);
        using var first = await PostAsync(Body(0, [], log.Checkpoint()));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var fork = new MerkleTree();
        for (var i = 0; i < 4; i++)
        {
            fork.Append(Encoding.UTF8.GetBytes($"forked {i}"));
        }

        var forked = new Checkpoint(log.Key.Name, 4, fork.Root()).Sign(log.Key.CreateSigner()).ToString();
        using var response = await PostAsync(Body(4, [], forked));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task AddCheckpoint_BadConsistencyProof_Unprocessable()
    {
        using var log = new RemoteLog("remote.example/bad-proof", server);
        log.Grow(6);
        using var first = await PostAsync(Body(0, [], log.Checkpoint()));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        log.Grow(3);
        var proof = log.Tree.ConsistencyProof(6, 9).ToList();
        proof[0] = Rfc6962.HashLeaf("tampered"u8);
        using var response = await PostAsync(Body(6, proof, log.Checkpoint()));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task AddCheckpoint_UnknownOrigin_NotFound()
    {
        using var key = SignerKey.Generate("unknown.example/log");
        var tree = new MerkleTree();
        tree.Append("x"u8);
        var checkpoint = new Checkpoint(key.Name, 1, tree.Root()).Sign(key.CreateSigner()).ToString();
        using var response = await PostAsync(Body(0, [], checkpoint));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddCheckpoint_SignedByAnUntrustedKey_Forbidden()
    {
        using var log = new RemoteLog("remote.example/impostor", server);
        using var impostor = SignerKey.Generate("remote.example/impostor");
        log.Grow(2);
        using var response = await PostAsync(Body(0, [], log.Checkpoint(impostor)));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("old 5\n\n")]
    [InlineData("old 05\n\nx\n")]
    [InlineData("new 1\n\n")]
    [InlineData("old 1\nnot-base64\n\n")]
    public async Task AddCheckpoint_Malformed_BadRequest(string body)
    {
        using var response = await PostAsync(body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AddCheckpoint_OldSizeAboveTheCheckpoint_BadRequest()
    {
        using var log = new RemoteLog("remote.example/shrinking", server);
        log.Grow(2);
        using var response = await PostAsync(Body(9, [], log.Checkpoint()));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
