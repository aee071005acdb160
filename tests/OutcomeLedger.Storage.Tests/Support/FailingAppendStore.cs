using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Storage.Tests.Support;

/// <summary>
/// A real store with one fault injected: the next append is held until the test releases it, then fails without
/// writing, as a lost connection or a full disk would fail it. Everything else goes straight to the real store.
/// </summary>
public sealed class FailingAppendStore(ILedgerStore inner) : ILedgerStore
{
    readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int _armed = 1;

    /// <summary>Completes once the failing append has started (its batch was checked and is being committed).</summary>
    public Task Entered => _entered.Task;

    /// <summary>Lets the held append fail.</summary>
    public void Release() => _release.TrySetResult();

    public async Task AppendAsync(LogBatch batch, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _entered.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
            throw new IOException("injected: the disk went away during the commit");
        }

        await inner.AppendAsync(batch, cancellationToken);
    }

    public Task<StoredCheckpoint?> GetLatestCheckpointAsync(CancellationToken cancellationToken) => inner.GetLatestCheckpointAsync(cancellationToken);

    public Task<StoredCheckpoint?> GetCheckpointAsync(ulong size, CancellationToken cancellationToken) => inner.GetCheckpointAsync(size, cancellationToken);

    public Task<IReadOnlyList<StoredCheckpoint>> GetCheckpointsAsync(CancellationToken cancellationToken) => inner.GetCheckpointsAsync(cancellationToken);

    public Task<IReadOnlyList<StoredCheckpoint>> GetCheckpointsBeforeAsync(ulong size, int limit, CancellationToken cancellationToken) =>
        inner.GetCheckpointsBeforeAsync(size, limit, cancellationToken);

    public Task<IReadOnlyList<StoredLeaf>> ReadLeavesAsync(ulong start, int count, CancellationToken cancellationToken) => inner.ReadLeavesAsync(start, count, cancellationToken);

    public Task<byte[]?> ReadTileAsync(int level, ulong index, CancellationToken cancellationToken) => inner.ReadTileAsync(level, index, cancellationToken);

    public Task<IReadOnlyList<StoredLeaf>> ReadLeavesAtAsync(IReadOnlyCollection<ulong> indices, CancellationToken cancellationToken) => inner.ReadLeavesAtAsync(indices, cancellationToken);

    public Task<string?> GetSchemaVersionAsync(CancellationToken cancellationToken) => inner.GetSchemaVersionAsync(cancellationToken);

    public Task<IReadOnlyList<ProjectionRow>> FindAsync(ProjectionTable table, string column, IReadOnlyCollection<object> values, CancellationToken cancellationToken) =>
        inner.FindAsync(table, column, values, cancellationToken);

    public Task<IReadOnlyList<ProjectionRow>> QueryAsync(ProjectionQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

    public Task<long> CountAsync(ProjectionQuery query, CancellationToken cancellationToken) => inner.CountAsync(query, cancellationToken);

    public Task ReplaceAsync(IReadOnlyList<ProjectionTable> schema, string schemaVersion, IEnumerable<ProjectionRow> rows, CancellationToken cancellationToken) =>
        inner.ReplaceAsync(schema, schemaVersion, rows, cancellationToken);

    public IAsyncEnumerable<ProjectionRow> ReadAllAsync(IReadOnlyList<ProjectionTable> schema, CancellationToken cancellationToken) => inner.ReadAllAsync(schema, cancellationToken);

    public Task<bool> AddCosignatureAsync(ulong size, string signatureLine, CancellationToken cancellationToken) => inner.AddCosignatureAsync(size, signatureLine, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
