using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutcomeLedger.Api.Features.Log;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Notes;

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

    [Fact]
    public async Task GetAsync_WithQuorum_ServesTheNewestQuorateCheckpointFoundByBoundedQueries()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var witness = SignerKey.FromSeed("witness.example/w1", NoteKeyType.Ed25519, Enumerable.Repeat((byte)9, 32).ToArray());
        var cache = new CheckpointCache(Ledger, new FakeTimeProvider(), quorum: 1, [witness.VerifierKey]);
        var start = new Period(PeriodType.Month, 2019, 1);
        for (var i = 0; i < CheckpointCache.Window + 6; i++)
        {
            var result = (await Ledger.Sequencer.SubmitAsync([EntryCodec.Sign(TestServer.Measurement(start.AddMonths(i).ToString(), 100 + i), _server.Us)], cancel))[0];
            Assert.True(result.IsLogged, string.Join("; ", result.Errors));
        }

        var latest = Ledger.Sequencer.Latest!.Size;

        // Beyond the window of recent checkpoints: found by looking further back (once in the cache's life).
        var old = (await Ledger.Store.GetCheckpointsBeforeAsync(latest, CheckpointCache.Window + 2, cancel))[^1];
        await CosignAsync(witness, old.Size);
        cache.Invalidate();
        Assert.Equal(old.Size, SizeOf(await cache.GetAsync(cancel)));

        // A newer one within the window is preferred, and the latest once it has its quorum.
        var recent = (await Ledger.Store.GetCheckpointsBeforeAsync(latest, 3, cancel))[^1];
        await CosignAsync(witness, recent.Size);
        cache.Invalidate();
        Assert.Equal(recent.Size, SizeOf(await cache.GetAsync(cancel)));
        await CosignAsync(witness, latest);
        cache.Invalidate();
        Assert.Equal(latest, SizeOf(await cache.GetAsync(cancel)));
    }

    [Fact]
    public async Task GetAsync_WithQuorumOfAnotherKey_ServesNothing()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var witness = SignerKey.FromSeed("witness.example/w1", NoteKeyType.Ed25519, Enumerable.Repeat((byte)9, 32).ToArray());
        using var other = SignerKey.FromSeed("witness.example/w1", NoteKeyType.Ed25519, Enumerable.Repeat((byte)8, 32).ToArray());
        var cache = new CheckpointCache(Ledger, new FakeTimeProvider(), quorum: 1, [witness.VerifierKey]);
        await CosignAsync(other, Ledger.Sequencer.Latest!.Size);

        Assert.Null(await cache.GetAsync(cancel));
    }

    async Task CosignAsync(SignerKey witness, ulong size)
    {
        var stored = await Ledger.Store.GetCheckpointAsync(size, TestContext.Current.CancellationToken);
        Assert.True(SignedNote.TryParse(Encoding.UTF8.GetBytes(stored!.Note), out var note, out _));
        var signer = witness.CreateSigner();
        var line = new NoteSignature(signer.Name, signer.KeyId, signer.Sign(Encoding.UTF8.GetBytes(note.Text))).ToLine();
        Assert.True(await Ledger.Store.AddCosignatureAsync(size, line, TestContext.Current.CancellationToken));
    }

    static ulong SizeOf(ServedFile? file) => ulong.Parse(Encoding.UTF8.GetString(file!.Body).Split('\n')[1], CultureInfo.InvariantCulture);

    // A well-formed note signature line; the store does not verify it (the endpoint does).
    static string CosignatureLine() => "— witness.example/w1 " + Convert.ToBase64String(new byte[4 + 8 + 64]) + "\n";
}
