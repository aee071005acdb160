using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Core.Sequencing;

/// <summary>Builds the ledger state from the log: the log is the source of truth, everything else derives from it.</summary>
public static class LedgerReplay
{
    public const int PageSize = 4096;

    /// <summary>
    /// Replays the first <paramref name="size"/> entries. Signatures were checked when each entry was admitted and the
    /// log's integrity is checked by <c>log verify</c>; with <paramref name="recheck"/> every entry is checked again
    /// exactly as at admission, and the first that fails is reported.
    /// </summary>
    public static Task<LedgerState> LoadAsync(ILogStore store, ulong size, bool recheck, Action<StoredLeaf, LedgerRecord, LedgerState>? onEntry, CancellationToken cancellationToken) =>
        ReplayAsync(store, size, recheck, onEntry, cancellationToken);

    /// <summary>
    /// The projection the first <paramref name="size"/> entries give (<c>ledger rebuild</c>): every row once, as the
    /// last entry that touched it left it, so <see cref="IProjectionStore.ReplaceAsync"/> of these rows equals the
    /// live projection the sequencer wrote batch by batch.
    /// </summary>
    public static async Task<IReadOnlyList<ProjectionRow>> RebuildProjectionAsync(ILogStore store, ulong size, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<(string Table, object Key), ProjectionRow>();
        await ReplayAsync(store, size, recheck: false, (leaf, record, state) =>
        {
            foreach (var row in Projection.RowsFor(record, leaf.Index, state))
            {
                rows[(row.Table.Name, row.Key)] = row;
            }
        }, cancellationToken);
        return [.. rows.Values];
    }

    /// <summary>
    /// Makes sure the store's projection was written under this version's schema, rebuilding it from the log when it
    /// was not (a ledger made by an earlier version, or a new one). True when it was rebuilt.
    /// </summary>
    public static async Task<bool> EnsureProjectionAsync(ILedgerStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.GetSchemaVersionAsync(cancellationToken) == Projection.SchemaVersion)
        {
            return false;
        }

        var size = (await store.GetLatestCheckpointAsync(cancellationToken))?.Size ?? 0;
        await store.ReplaceAsync(Projection.Schema, Projection.SchemaVersion, await RebuildProjectionAsync(store, size, cancellationToken), cancellationToken);
        return true;
    }

    static async Task<LedgerState> ReplayAsync(ILogStore store, ulong size, bool recheck, Action<StoredLeaf, LedgerRecord, LedgerState>? onEntry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var state = new LedgerState();
        while (state.Size < size)
        {
            var count = (int)Math.Min(PageSize, size - state.Size);
            var leaves = await store.ReadLeavesAsync(state.Size, count, cancellationToken);
            if (leaves.Count == 0)
            {
                throw new InvalidDataException($"the log is missing entry {state.Size} (expected {size} entries)");
            }

            foreach (var leaf in leaves)
            {
                if (leaf.Index != state.Size)
                {
                    throw new InvalidDataException($"the log is missing entry {state.Size}; the next stored entry is {leaf.Index}");
                }

                LedgerRecord record;
                if (recheck)
                {
                    var check = state.CheckLogged(leaf.Data);
                    if (!check.IsAccepted)
                    {
                        throw new InvalidDataException($"entry {leaf.Index} does not pass the ledger's checks: {check}");
                    }

                    record = check.Record!;
                }
                else if (!EntryCodec.TryOpen(leaf.Data, out _, out var opened, out var error))
                {
                    throw new InvalidDataException($"entry {leaf.Index} cannot be read: {error}");
                }
                else
                {
                    record = opened!;
                }

                state.Apply(record, leaf.LeafHash);
                onEntry?.Invoke(leaf, record, state);
            }
        }

        return state;
    }
}
