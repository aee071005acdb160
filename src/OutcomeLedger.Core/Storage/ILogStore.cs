namespace OutcomeLedger.Core.Storage;

/// <summary>
/// The narrow storage boundary of one ledger's log: leaves, hash tiles and checkpoints, written with the projection's
/// rows (<see cref="IProjectionStore"/>) in one database transaction. Appends are all-or-nothing and compare-and-swap
/// on the log size, so two writers can never fork it.
/// </summary>
public interface ILogStore : IAsyncDisposable
{
    /// <summary>The latest checkpoint, or null for a ledger with no entries yet.</summary>
    Task<StoredCheckpoint?> GetLatestCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>The checkpoint of exactly <paramref name="size"/> entries, or null when none was signed at that size.</summary>
    Task<StoredCheckpoint?> GetCheckpointAsync(ulong size, CancellationToken cancellationToken);

    /// <summary>Every stored checkpoint from oldest to newest.</summary>
    Task<IReadOnlyList<StoredCheckpoint>> GetCheckpointsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The newest stored checkpoints smaller than <paramref name="size"/> entries, newest first, at most
    /// <paramref name="limit"/> (at least 1) of them: a bounded look back (the witness quorum's), where
    /// <see cref="GetCheckpointsAsync"/> reads them all.
    /// </summary>
    Task<IReadOnlyList<StoredCheckpoint>> GetCheckpointsBeforeAsync(ulong size, int limit, CancellationToken cancellationToken);

    /// <summary>Leaves <paramref name="start"/> to <paramref name="start"/>+<paramref name="count"/>−1 that exist, in order.</summary>
    Task<IReadOnlyList<StoredLeaf>> ReadLeavesAsync(ulong start, int count, CancellationToken cancellationToken);

    /// <summary>The leaves at these indices that exist, in index order.</summary>
    Task<IReadOnlyList<StoredLeaf>> ReadLeavesAtAsync(IReadOnlyCollection<ulong> indices, CancellationToken cancellationToken);

    /// <summary>The stored bytes of hash tile (level, index): a full tile, or the widest partial one written so far.</summary>
    Task<byte[]?> ReadTileAsync(int level, ulong index, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a batch in one transaction: leaves, tiles, projection rows (upserted on their keys) and the new checkpoint. Fails with
    /// <see cref="LogConflictException"/> unless the log still has <see cref="LogBatch.ExpectedSize"/> entries.
    /// </summary>
    Task AppendAsync(LogBatch batch, CancellationToken cancellationToken);

    /// <summary>Adds a cosignature line to a stored checkpoint (witnessing); the checkpoint body itself never changes.</summary>
    Task<bool> AddCosignatureAsync(ulong size, string signatureLine, CancellationToken cancellationToken);
}
