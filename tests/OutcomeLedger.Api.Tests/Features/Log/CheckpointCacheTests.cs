using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutcomeLedger.Api.Features.Log;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Tests.Features.Log;

/// <summary>Each test has its own ledger: they add entries and cosignatures.</summary>
public sealed class CheckpointCacheTests : IAsyncLifetime
{
    readonly TestServer _server = new();

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    ServedLedger Ledger => _server.Services.GetRequiredService<ServedLedger>();

    [Fact]
    public async Task GetAsync_Twice_ReadsTheStoreOnceAndServesTheSameBytes()
    {
        var cache = new CheckpointCache(Ledger, new FakeTimeProvider());
        var first = await cache.GetAsync(TestContext.Current.CancellationToken);
        var second = await cache.GetAsync(TestContext.Current.CancellationToken);
        Assert.Same(first, second);
        Assert.Equal(Ledger.Sequencer.Latest!.Note, Encoding.UTF8.GetString(first!.Body));
    }

    [Fact]
    public async Task GetAsync_AfterTheSequencerCommits_ServesTheNewCheckpointAtOnce()
    {
        var time = new FakeTimeProvider();
        var cache = new CheckpointCache(Ledger, time);
        var before = await cache.GetAsync(TestContext.Current.CancellationToken);
        var result = (await Ledger.Sequencer.SubmitAsync([EntryCodec.Sign(TestServer.Measurement("2026-06", 640m), _server.Us)], TestContext.Current.CancellationToken))[0];
        Assert.True(result.IsLogged, string.Join("; ", result.Errors));

        var after = await cache.GetAsync(TestContext.Current.CancellationToken);
        Assert.NotEqual(before!.Body, after!.Body);
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal(Ledger.Sequencer.Latest!.Note, Encoding.UTF8.GetString(after.Body));
    }

    [Fact]
    public async Task GetAsync_StoreChangedElsewhere_KeptUntilMaxAgeThenReadAgain()
    {
        var time = new FakeTimeProvider();
        var cache = new CheckpointCache(Ledger, time);
        var before = await cache.GetAsync(TestContext.Current.CancellationToken);
        // As another process on the same store would: no sign of it reaches this server.
        await Ledger.Store.AddCosignatureAsync(Ledger.Sequencer.Latest!.Size, CosignatureLine(), TestContext.Current.CancellationToken);

        time.Advance(CheckpointCache.MaxAge / 2);
        Assert.Same(before, await cache.GetAsync(TestContext.Current.CancellationToken));
        time.Advance(CheckpointCache.MaxAge / 2);
        var after = await cache.GetAsync(TestContext.Current.CancellationToken);
        Assert.Contains("— witness.example/w1 ", Encoding.UTF8.GetString(after!.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_AfterInvalidate_ReadsTheStoreAgain()
    {
        var cache = new CheckpointCache(Ledger, new FakeTimeProvider());
        var before = await cache.GetAsync(TestContext.Current.CancellationToken);
        await Ledger.Store.AddCosignatureAsync(Ledger.Sequencer.Latest!.Size, CosignatureLine(), TestContext.Current.CancellationToken);
        cache.Invalidate();
        var after = await cache.GetAsync(TestContext.Current.CancellationToken);
        Assert.NotEqual(before!.ETag, after!.ETag);
        Assert.Contains("— witness.example/w1 ", Encoding.UTF8.GetString(after.Body), StringComparison.Ordinal);
    }

    // A well-formed note signature line; the store does not verify it (the endpoint does).
    static string CosignatureLine() => "— witness.example/w1 " + Convert.ToBase64String(new byte[4 + 8 + 64]) + "\n";
}
