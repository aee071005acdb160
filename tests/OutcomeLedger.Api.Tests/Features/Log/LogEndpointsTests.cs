using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Api.Features.Entries;
using OutcomeLedger.Api.Features.Log;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api.Tests.Features.Log;

public sealed class LogEndpointsTests(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task Tiles_EveryExportedFile_ServedWithTheSameBytes()
    {
        var ledger = server.Services.GetRequiredService<ServedLedger>();
        var export = Path.Combine(server.Folder, "export-" + Guid.NewGuid().ToString("N"));
        var (checkpoint, files) = await TileExporter.ExportAsync(ledger.Store, export, null, TestContext.Current.CancellationToken);
        var compared = 0;
        foreach (var file in Directory.EnumerateFiles(export, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(export, file).Replace(Path.DirectorySeparatorChar, '/');
            using var response = await server.Client.GetAsync(relative, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken), await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            compared++;
        }

        Assert.Equal(files, compared);
        Assert.True(checkpoint.Size > 0);
    }

    [Fact]
    public async Task Checkpoint_Latest_CachedOneSecondAndVerifiesWithTheLogKey()
    {
        using var response = await server.Client.GetAsync("checkpoint", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=1", response.Headers.CacheControl?.ToString());
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.NotNull(response.Headers.ETag);
        var ledger = server.Services.GetRequiredService<ServedLedger>();
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(SignedNote.TryOpen(bytes, new NoteVerifierSet([ledger.Folder.LogVerifierKey.CreateVerifier()]), out var verified, out var error), error?.Message);
        Assert.True(Checkpoint.TryParse(verified.Text, out var checkpoint, out _));
        Assert.Equal(ledger.Origin, checkpoint.Origin);
    }

    [Fact]
    public async Task Tile_PartialNarrowerThanStored_IsItsPrefixAndImmutable()
    {
        var ledger = server.Services.GetRequiredService<ServedLedger>();
        var size = ledger.Sequencer.Latest!.Size;
        var full = await ledger.Store.ReadTileAsync(0, 0, TestContext.Current.CancellationToken);
        using var response = await server.Client.GetAsync("tile/0/000.p/2", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal(full![..(2 * Hash.Size)], await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.True(size > 2);
    }

    [Theory]
    [InlineData("checkpoint")]
    [InlineData("tile/0/000.p/3")]
    [InlineData("tile/entries/000.p/3")]
    public async Task Get_IfNoneMatchWithItsETag_IsNotModified(string path)
    {
        using var first = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var response = await server.Client.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag);
        Assert.Equal(first.Headers.CacheControl, response.Headers.CacheControl);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using var other = new HttpRequestMessage(HttpMethod.Get, path);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-this-one\""));
        using var changed = await server.Client.SendAsync(other, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), await changed.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("tile/0/000.p/255")]
    [InlineData("tile/0/001")]
    [InlineData("tile/entries/000.p/200")]
    [InlineData("tile/0/0")]
    [InlineData("tile/x/000")]
    [InlineData("tile/0/000.p/0")]
    [InlineData("tile/0/x000/000")]
    [InlineData("tile/entries/001")]
    [InlineData("tile/1/000")]
    public async Task Tile_NotInTheLogOrMalformed_IsNotFoundProblem(string path)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Receipt_ForALoggedEntry_VerifiesAgainstTheLogKey()
    {
        var ledger = server.Services.GetRequiredService<ServedLedger>();
        var index = server.UsMeasurement;
        using var response = await server.Client.GetAsync($"api/v1/entries/{index}/receipt", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(TlogProof.TryParse(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), out var receipt, out var error), error);
        var entry = await server.Client.GetByteArrayAsync($"api/v1/entries/{index}", TestContext.Current.CancellationToken);
        var check = receipt.VerifyEntry(ledger.Folder.LogVerifierKey.CreateVerifier(), entry, ledger.Origin);
        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(index, receipt.Index);
    }

    [Fact]
    public async Task Receipt_PastTheEnd_IsNotFoundProblem()
    {
        using var response = await server.Client.GetAsync("api/v1/entries/100000/receipt", TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Consistency_BetweenStoredCheckpoints_Verifies()
    {
        var ledger = server.Services.GetRequiredService<ServedLedger>();
        var checkpoints = await ledger.Store.GetCheckpointsAsync(TestContext.Current.CancellationToken);
        var (old, latest) = (checkpoints[2], checkpoints[^1]);
        var view = await server.Client.GetFromJsonAsync<ConsistencyView>($"api/v1/consistency?from={old.Size}&to={latest.Size}", TestContext.Current.CancellationToken);
        var proof = view!.Proof.Select(p => Hash.TryParseBase64(p, out var h) ? h : throw new FormatException(p)).ToList();
        Assert.True(ConsistencyProof.Verify(old.Size, latest.Size, proof, old.Root, latest.Root).IsValid);
    }

    [Theory]
    [InlineData("api/v1/consistency?from=5")]
    [InlineData("api/v1/consistency?from=5&to=3")]
    [InlineData("api/v1/consistency?from=1&to=99999")]
    [InlineData("api/v1/consistency?from=0&to=3")]
    public async Task Consistency_BadSizes_IsBadRequestProblemNamingTheField(string path)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(ProblemAssert.Fields(problem));
    }

    [Fact]
    public async Task EntryBundle_Full_DecodesToTheStoredLeaves()
    {
        var ledger = server.Services.GetRequiredService<ServedLedger>();
        var size = ledger.Sequencer.Latest!.Size;
        var bundle = TileLayout.EntryBundleFor(0, size);
        var bytes = await server.Client.GetByteArrayAsync(bundle.Path, TestContext.Current.CancellationToken);
        Assert.True(EntryBundle.TryDecode(bytes, bundle.Width, out var entries, out var error), error);
        var first = await ledger.Store.ReadLeavesAsync(0, 1, TestContext.Current.CancellationToken);
        Assert.Equal(first[0].Data, entries[0].ToArray());
        Assert.Equal(Encoding.UTF8.GetBytes("{"), entries[0].ToArray()[..1]);
    }

    [Fact]
    public async Task Tile_RequestedBeforeAndAfterItIsFull_NotFoundThenTheFullTile()
    {
        // Its own ledger: this test fills the first tile.
        await using var own = new TestServer();
        await own.InitializeAsync();
        var ledger = own.Services.GetRequiredService<ServedLedger>();
        var size = ledger.Sequencer.Latest!.Size;
        foreach (var path in new[] { "tile/0/000", "tile/entries/000" })
        {
            using var early = await own.Client.GetAsync(path, TestContext.Current.CancellationToken);
            await ProblemAssert.IsProblemAsync(early, HttpStatusCode.NotFound);
        }

        var partial = await own.Client.GetByteArrayAsync($"tile/0/000.p/{size}", TestContext.Current.CancellationToken);
        var partialBundle = await own.Client.GetByteArrayAsync($"tile/entries/000.p/{size}", TestContext.Current.CancellationToken);

        var statements = await FillFirstTileAsync(own, ledger);

        // Twice each: the first read fills the cache, the second is served from it.
        for (var round = 0; round < 2; round++)
        {
            using var tile = await own.Client.GetAsync("tile/0/000", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", tile.Headers.CacheControl?.ToString());
            Assert.Equal("application/octet-stream", tile.Content.Headers.ContentType?.ToString());
            Assert.Equal(await ledger.Store.ReadTileAsync(0, 0, TestContext.Current.CancellationToken), await tile.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

            var bundle = await own.Client.GetByteArrayAsync("tile/entries/000", TestContext.Current.CancellationToken);
            Assert.True(EntryBundle.TryDecode(bundle, TileId.FullWidth, out var entries, out var error), error);
            Assert.Equal(statements[^1], entries[^1].ToArray());

            // A partial tile served before is still the same bytes: it is a prefix of the full one.
            Assert.Equal(partial, await own.Client.GetByteArrayAsync($"tile/0/000.p/{size}", TestContext.Current.CancellationToken));
            Assert.Equal(partialBundle, await own.Client.GetByteArrayAsync($"tile/entries/000.p/{size}", TestContext.Current.CancellationToken));
        }

        // The level-1 tile of this tree is one hash wide: partial, and never the full path.
        using var above = await own.Client.GetAsync("tile/1/000", TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(above, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await own.Client.GetAsync("tile/1/000.p/1", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Receipt_ReadsAFullTileThroughTheCacheTheTileRouteServesFrom()
    {
        await using var own = new TestServer();
        await own.InitializeAsync();
        var ledger = own.Services.GetRequiredService<ServedLedger>();
        var size = ledger.Sequencer.Latest!.Size;
        Assert.Equal(HttpStatusCode.OK, (await own.Client.GetAsync($"tile/0/000.p/{size}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.Client.GetAsync("api/v1/entries/0/receipt", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(0, ledger.Tiles.Count);

        await FillFirstTileAsync(own, ledger);
        using (var receipt = await own.Client.GetAsync("api/v1/entries/5/receipt", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        }

        // The proof read the full tile, which is now kept; the one-hash tile above it is partial and is not.
        Assert.True(ledger.Tiles.TryGet("0/000", out var kept));
        Assert.Equal(1, ledger.Tiles.Count);
        Assert.Equal(await ledger.Store.ReadTileAsync(0, 0, TestContext.Current.CancellationToken), kept.Body);

        using var tile = await own.Client.GetAsync("tile/0/000", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        Assert.Equal(kept.ETag.ToString(), tile.Headers.ETag?.ToString());
        Assert.True(ledger.Tiles.TryGet("0/000", out var served));
        Assert.Same(kept, served);
        Assert.Equal(1, ledger.Tiles.Count);
    }

    /// <summary>Logs statements until the first tile (256 entries) is full; returns them.</summary>
    static async Task<List<byte[]>> FillFirstTileAsync(TestServer own, ServedLedger ledger)
    {
        var size = ledger.Sequencer.Latest!.Size;
        var statements = Enumerable.Range(0, TileId.FullWidth - (int)size).Select(i => EntryCodec.Sign(new StatementRecord
        {
            Author = TestServer.UsId,
            RecordedAt = TestServer.At,
            Id = new StatementId($"statement-{i}"),
            Date = new DateOnly(2026, 1, 16),
            Title = $"Statement {i}",
            Parties = [TestServer.UsId],
            StatementKind = StatementKind.JointStatement,
            SourceUrl = "https://www.state.gov/example",
        }, own.Us)).ToList();
        var results = await ledger.Sequencer.SubmitAsync(statements, TestContext.Current.CancellationToken);
        Assert.All(results, r => Assert.True(r.IsLogged, string.Join("; ", r.Errors)));
        Assert.Equal((ulong)TileId.FullWidth, ledger.Sequencer.Latest!.Size);
        return statements;
    }

    [Fact]
    public async Task Checkpoint_AfterANewEntryIsAcknowledged_IsTheNewOne()
    {
        await using var own = new TestServer();
        await own.InitializeAsync();
        var before = await own.Client.GetStringAsync("checkpoint", TestContext.Current.CancellationToken);
        Assert.Equal(before, await own.Client.GetStringAsync("checkpoint", TestContext.Current.CancellationToken));

        using var posted = await own.PostAsync("api/v1/measurements", EntryCodec.Sign(TestServer.Measurement("2026-07", 600m), own.Us), own.Tokens[AccessRole.Party]);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var ack = await posted.Content.ReadFromJsonAsync<EntryAcknowledgement>(TestContext.Current.CancellationToken);

        var after = await own.Client.GetStringAsync("checkpoint", TestContext.Current.CancellationToken);
        Assert.NotEqual(before, after);
        Assert.True(Checkpoint.TryParse(after[..(after.IndexOf("\n\n", StringComparison.Ordinal) + 1)], out var checkpoint, out var error), error?.Message);
        Assert.True(checkpoint.TreeSize >= ack!.CheckpointSize);
    }
}
