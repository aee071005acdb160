using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Storage.Postgres;

namespace OutcomeLedger.Storage.Tests.Postgres;

/// <summary>The shared queue and the sequencer lock on a real PostgreSQL server (skipped when none is installed).</summary>
public sealed class PostgresEntryQueueTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    readonly PostgresEngine _engine = new(database);

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Queue_EntriesCompleted_OutcomesReadBackThenForgotten()
    {
        await using var store = (PostgresLogStore)await _engine.OpenAsync("queue", Cancel);
        var queue = store.Queue();
        byte[][] leaves = [[1, 2, 3], [4, 5], [6]];
        var ids = new List<long>();
        foreach (var leaf in leaves)
        {
            ids.Add(await queue.EnqueueAsync(leaf, Rfc6962.HashLeaf(leaf), Cancel));
        }

        var pending = await queue.PendingAsync(2, Cancel);
        Assert.Equal(ids.Take(2), pending.Select(p => p.Id));
        Assert.Equal(leaves[0], pending[0].Leaf);

        var accepted = new SubmitResult(SubmitStatus.Accepted, 7, Rfc6962.HashLeaf(leaves[0]), [], 9);
        var rejected = new SubmitResult(SubmitStatus.Rejected, null, Rfc6962.HashLeaf(leaves[1]), [new ValidationError("period", "already logged")]);
        await queue.CompleteAsync([(ids[0], accepted), (ids[1], rejected)], Cancel);

        Assert.Equal([ids[2]], (await queue.PendingAsync(10, Cancel)).Select(p => p.Id));
        var outcomes = (await queue.OutcomesAsync(ids, Cancel)).ToDictionary(o => o.Id, o => o.Result);
        Assert.Equal(2, outcomes.Count);
        Assert.Equal((SubmitStatus.Accepted, 7UL, 9UL), (outcomes[ids[0]].Status, outcomes[ids[0]].Index!.Value, outcomes[ids[0]].CheckpointSize!.Value));
        Assert.Equal(accepted.LeafHash, outcomes[ids[0]].LeafHash);
        Assert.Equal(SubmitStatus.Rejected, outcomes[ids[1]].Status);
        Assert.Equal([new ValidationError("period", "already logged")], outcomes[ids[1]].Errors);

        // Answered just now: not yet old enough to be taken for uncollected.
        Assert.Equal(0, await queue.ForgetUncollectedAsync(TimeSpan.FromHours(1), Cancel));
        Assert.Equal(2, await queue.ForgetUncollectedAsync(TimeSpan.FromSeconds(-1), Cancel));
        Assert.Empty(await queue.OutcomesAsync(ids, Cancel));
        await queue.ForgetAsync(ids, Cancel);
        Assert.Empty(await queue.OutcomesAsync(ids, Cancel));
        // A pending entry is never forgotten: only answered ones are.
        Assert.Equal([ids[2]], (await queue.PendingAsync(10, Cancel)).Select(p => p.Id));
    }

    [Fact]
    public async Task SequencerLock_HeldByOneSession_OthersRefusedUntilItCloses()
    {
        await using var store = (PostgresLogStore)await _engine.OpenAsync("lock", Cancel);
        var queue = store.Queue();
        var held = await queue.TryLockSequencerAsync(Cancel);
        Assert.NotNull(held);
        Assert.Null(await queue.TryLockSequencerAsync(Cancel));

        await held.DisposeAsync();
        await using var next = await queue.TryLockSequencerAsync(Cancel);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task SequencerLock_OtherLedgerInTheSameDatabase_NotBlocked()
    {
        await using var first = (PostgresLogStore)await _engine.OpenAsync("ledger_a", Cancel);
        await using var second = (PostgresLogStore)await _engine.OpenAsync("ledger_b", Cancel);
        await using var a = await first.Queue().TryLockSequencerAsync(Cancel);
        await using var b = await second.Queue().TryLockSequencerAsync(Cancel);
        Assert.NotNull(a);
        Assert.NotNull(b);
    }

    [Fact]
    public async Task SequencerLock_EntryQueued_WakesTheHolder()
    {
        await using var store = (PostgresLogStore)await _engine.OpenAsync("wake", Cancel);
        var queue = store.Queue();
        await using var held = await queue.TryLockSequencerAsync(Cancel);
        Assert.NotNull(held);
        await queue.EnqueueAsync([1], Rfc6962.HashLeaf([1]), Cancel);
        // A generous bound: the notification arrives at once, the bound only keeps a broken test from hanging.
        Assert.True(await held.WaitAsync(TimeSpan.FromMinutes(1), Cancel));
    }

    public ValueTask DisposeAsync() => _engine.DisposeAsync();
}
