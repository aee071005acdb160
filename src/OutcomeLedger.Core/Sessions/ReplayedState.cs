using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// A complete state of the log at its latest checkpoint, for what needs every record (evaluations, pages that list):
/// replayed once, every entry proven against the signed checkpoint, then extended with the proven entries of each newer
/// checkpoint. Reads run one at a time with catching up, so a read sees the state and the checkpoint it stands at together.
/// </summary>
public sealed class ReplayedState : IDisposable
{
    readonly LedgerSession _session;
    readonly SemaphoreSlim _gate = new(1, 1);
    readonly LedgerState _state = new();

    ReplayedState(LedgerSession session) => _session = session;

    /// <summary>The checkpoint the state stands at, or null for an empty log.</summary>
    public StoredCheckpoint? Checkpoint { get; private set; }

    public ulong Size => _state.Size;

    /// <summary>Replays the log up to its latest checkpoint, proving every entry (a changed row stops it, naming the entry).</summary>
    public static async Task<ReplayedState> LoadAsync(LedgerSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var replayed = new ReplayedState(session);
        await replayed.CatchUpAsync(cancellationToken);
        return replayed;
    }

    /// <summary>Applies the entries logged since, up to the store's latest checkpoint, each proven; false when there were none.</summary>
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
        var latest = await _session.LatestCheckpointAsync(cancellationToken);
        if (latest is null || latest.Size <= _state.Size)
        {
            return false;
        }

        await _session.ReplayOntoAsync(_state, latest, null, cancellationToken);
        Checkpoint = latest;
        return true;
    }

    public void Dispose() => _gate.Dispose();
}
