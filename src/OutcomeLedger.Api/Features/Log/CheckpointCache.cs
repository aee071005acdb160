using System.Text;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Api.Features.Log;

/// <summary>
/// The latest checkpoint (with its cosignatures) as served, read from the store once and kept until this server's
/// sequencer commits a batch, a cosignature arrives through this server (<see cref="Invalidate"/>), or
/// <see cref="MaxAge"/> passes: the bound for changes made by another process on the same store.
/// </summary>
internal sealed class CheckpointCache(ServedLedger ledger, TimeProvider time)
{
    /// <summary>How long a read may be kept without a sign of change; also the max-age clients are told.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    Entry? _entry;
    long _generation;

    /// <summary>The latest checkpoint, or null while the log is empty.</summary>
    public async ValueTask<ServedFile?> GetAsync(CancellationToken cancellationToken)
    {
        // Read before the store: a batch committed after this point makes the entry below stale, never the reverse.
        var sequenced = ledger.Sequencer.Latest;
        var generation = Interlocked.Read(ref _generation);
        var entry = Volatile.Read(ref _entry);
        if (entry is not null && ReferenceEquals(entry.Sequenced, sequenced) && entry.Generation == generation
            && time.GetElapsedTime(entry.ReadAt) < MaxAge)
        {
            return entry.File;
        }

        var readAt = time.GetTimestamp();
        var stored = await ledger.Store.GetLatestCheckpointAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var file = new ServedFile(Encoding.UTF8.GetBytes(stored.Note));
        Volatile.Write(ref _entry, new Entry(sequenced, generation, readAt, file));
        return file;
    }

    /// <summary>Forgets the kept checkpoint: the next request reads the store (a cosignature was just stored).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _entry, null);
    }

    sealed record Entry(StoredCheckpoint? Sequenced, long Generation, long ReadAt, ServedFile File);
}
