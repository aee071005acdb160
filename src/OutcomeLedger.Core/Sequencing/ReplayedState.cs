using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Core.Sequencing;

/// <summary>
/// A complete state of the log at its latest checkpoint, for what needs every record (evaluations, pages that list):
/// replayed once, then extended with the entries of each newer checkpoint. Reads run one at a time with catching up,
/// so a read sees the state and the checkpoint it stands at together.
/// </summary>
public sealed class ReplayedState : IDisposable
{
    readonly ILogStore _store;
    readonly SemaphoreSlim _gate = new(1, 1);
    readonly LedgerState _state;

    ReplayedState(ILogStore store, LedgerState state, StoredCheckpoint? checkpoint)
    {
        _store = store;
        _state = state;
        Checkpoint = checkpoint;
    }

    /// <summary>The checkpoint the state stands at, or null for an empty log.</summary>
    public StoredCheckpoint? Checkpoint { get; private set; }

    public ulong Size => _state.Size;

    public static async Task<ReplayedState> LoadAsync(ILogStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var checkpoint = await store.GetLatestCheckpointAsync(cancellationToken);
        var state = await LedgerReplay.LoadAsync(store, checkpoint?.Size ?? 0, recheck: false, null, cancellationToken);
        return new ReplayedState(store, state, checkpoint);
    }

    /// <summary>Applies the entries logged since, up to the store's latest checkpoint; false when there were none.</summary>
    public async Task<bool> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await CatchUpLockedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="read"/> on the state and the checkpoint it stands at, after catching up to at least <paramref name="atLeast"/> entries.</summary>
    public async Task<T> ReadAsync<T>(ulong atLeast, Func<LedgerState, StoredCheckpoint?, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_state.Size < atLeast)
            {
                await CatchUpLockedAsync(cancellationToken);
            }

            return read(_state, Checkpoint);
        }
        finally
        {
            _gate.Release();
        }
    }

    async Task<bool> CatchUpLockedAsync(CancellationToken cancellationToken)
    {
        var latest = await _store.GetLatestCheckpointAsync(cancellationToken);
        if (latest is null || latest.Size <= _state.Size)
        {
            return false;
        }

        while (_state.Size < latest.Size)
        {
            var leaves = await _store.ReadLeavesAsync(_state.Size, (int)Math.Min(LedgerReplay.PageSize, latest.Size - _state.Size), cancellationToken);
            if (leaves.Count == 0 || leaves[0].Index != _state.Size)
            {
                throw new InvalidDataException($"the log is missing entry {_state.Size} (its checkpoint says {latest.Size} entries)");
            }

            foreach (var leaf in leaves)
            {
                if (leaf.Index != _state.Size || !EntryCodec.TryOpen(leaf.Data, out _, out var record, out var error))
                {
                    throw new InvalidDataException($"entry {_state.Size} is missing or cannot be read");
                }

                _state.Apply(record!, leaf.LeafHash);
            }
        }

        Checkpoint = latest;
        return true;
    }

    public void Dispose() => _gate.Dispose();
}
