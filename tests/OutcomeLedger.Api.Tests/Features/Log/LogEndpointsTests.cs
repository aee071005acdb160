using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Api.Features.Log;
using OutcomeLedger.Core.Transparency;
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
    public async Task Checkpoint_Latest_NotCachedAndVerifiesWithTheLogKey()
    {
        using var response = await server.Client.GetAsync("checkpoint", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var ledger = server.Services.GetRequiredService<ServedLedger>();
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(SignedNote.TryOpen(bytes, NoteVerifierSet.Of(ledger.Folder.LogVerifierKey.CreateVerifier()), out var verified, out var error), error?.Message);
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
    [InlineData("tile/0/000.p/255")]
    [InlineData("tile/0/001")]
    [InlineData("tile/entries/000.p/200")]
    [InlineData("tile/0/0")]
    [InlineData("tile/x/000")]
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
        using var response = await server.Client.GetAsync($"api/entries/{index}/receipt", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(TlogProof.TryParse(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), out var receipt, out var error), error);
        var entry = await server.Client.GetByteArrayAsync($"api/entries/{index}", TestContext.Current.CancellationToken);
        var check = receipt.VerifyEntry(ledger.Folder.LogVerifierKey.CreateVerifier(), entry, ledger.Origin);
        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(index, receipt.Index);
    }

    [Fact]
    public async Task Receipt_PastTheEnd_IsNotFoundProblem()
    {
        using var response = await server.Client.GetAsync("api/entries/100000/receipt", TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Consistency_BetweenStoredCheckpoints_Verifies()
    {
        var ledger = server.Services.GetRequiredService<ServedLedger>();
        var checkpoints = await ledger.Store.GetCheckpointsAsync(TestContext.Current.CancellationToken);
        var (old, latest) = (checkpoints[2], checkpoints[^1]);
        var view = await server.Client.GetFromJsonAsync<ConsistencyView>($"api/consistency?from={old.Size}&to={latest.Size}", TestContext.Current.CancellationToken);
        var proof = view!.Proof.Select(p => Hash.TryParseBase64(p, out var h) ? h : throw new FormatException(p)).ToList();
        Assert.True(ConsistencyProof.Verify(old.Size, latest.Size, proof, old.Root, latest.Root).IsValid);
    }

    [Theory]
    [InlineData("api/consistency?from=5")]
    [InlineData("api/consistency?from=5&to=3")]
    [InlineData("api/consistency?from=1&to=99999")]
    [InlineData("api/consistency?from=0&to=3")]
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
}
