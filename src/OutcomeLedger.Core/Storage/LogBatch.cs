namespace OutcomeLedger.Core.Storage;

/// <summary>What one sequencer batch writes, all or nothing.</summary>
public sealed record LogBatch(
    ulong ExpectedSize,
    IReadOnlyList<StoredLeaf> Leaves,
    IReadOnlyList<StoredTile> Tiles,
    IReadOnlyList<ProjectionRow> Projection,
    StoredCheckpoint Checkpoint);
