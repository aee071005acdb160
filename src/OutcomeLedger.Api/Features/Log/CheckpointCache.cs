using System.Text;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Api.Features.Log;

/// <summary>
/// The latest checkpoint (with its cosignatures) as served, read from the store once and kept until this server's
/// sequencer commits a batch, a cosignature arrives through this server (<see cref="Invalidate"/>), or
/// <see cref="MaxAge"/> passes: the bound for changes made by another process on the same store. With a witness quorum
/// (<c>--witness-quorum N</c>) it is the latest checkpoint that N of the configured witnesses cosigned (each cosignature
/// verified with its witness's key), so a checkpoint no quorum vouched for is never served as the log's.
/// </summary>
internal sealed class CheckpointCache(ServedLedger ledger, TimeProvider time, int quorum = 0, IReadOnlyList<VerifierKey>? witnesses = null)
{
    readonly NoteVerifierSet? _witnesses = quorum > 0 ? new NoteVerifierSet((witnesses ?? []).Select(k => k.CreateVerifier())) : null;
    StoredCheckpoint? _quorate;
    bool _searchedBack;

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
        if (stored is not null && _witnesses is not null)
        {
            stored = await LatestQuorateAsync(stored, _witnesses, cancellationToken);
        }

        if (stored is null)
        {
            return null;
        }

        var file = new ServedFile(Encoding.UTF8.GetBytes(stored.Note));
        Volatile.Write(ref _entry, new Entry(sequenced, generation, readAt, file));
        return file;
    }

    /// <summary>How many of <paramref name="witnesses"/> cosigned <paramref name="note"/> with a signature that verifies.</summary>
    internal static int CountCosigners(string note, NoteVerifierSet witnesses)
    {
        if (!SignedNote.TryParse(Encoding.UTF8.GetBytes(note), out var parsed, out _))
        {
            return 0;
        }

        var text = Encoding.UTF8.GetBytes(parsed.Text);
        return parsed.Signatures
            .Select(s => witnesses.TryGet(s.KeyName, s.KeyId, out var verifier) && verifier.Verify(text, s.Signature) ? verifier : null)
            .OfType<NoteVerifier>()
            .Distinct()
            .Count();
    }

    /// <summary>How many checkpoints before the latest a request looks at for one with a quorum.</summary>
    internal const int Window = 64;

    // Checkpoints per query when looking further back, the one time that happens.
    const int Page = 1024;

    // The newest checkpoint with a quorum, by bounded queries: the latest, else the newest of the Window checkpoints
    // before it (cosignatures arrive after a checkpoint is first served, mostly on recent ones), else the one found
    // before (read again for its new cosignatures), else, once in this cache's life, the newest further back, page by
    // page; null when none has one yet.
    async Task<StoredCheckpoint?> LatestQuorateAsync(StoredCheckpoint latest, NoteVerifierSet witnesses, CancellationToken cancellationToken)
    {
        if (CountCosigners(latest.Note, witnesses) >= quorum)
        {
            return _quorate = latest;
        }

        var recent = await ledger.Store.GetCheckpointsBeforeAsync(latest.Size, Window, cancellationToken);
        if (recent.FirstOrDefault(c => CountCosigners(c.Note, witnesses) >= quorum) is { } newest)
        {
            return _quorate = newest;
        }

        if (_quorate is { } known)
        {
            return await ledger.Store.GetCheckpointAsync(known.Size, cancellationToken) ?? known;
        }

        if (recent.Count < Window || Volatile.Read(ref _searchedBack))
        {
            return null;
        }

        // Marked searched only once it completed: a request cancelled half-way leaves the search to the next one.
        for (var before = recent[^1].Size; ;)
        {
            var page = await ledger.Store.GetCheckpointsBeforeAsync(before, Page, cancellationToken);
            var found = page.FirstOrDefault(c => CountCosigners(c.Note, witnesses) >= quorum);
            if (found is not null || page.Count < Page)
            {
                Volatile.Write(ref _searchedBack, true);
                return found is null ? null : _quorate = found;
            }

            before = page[^1].Size;
        }
    }

    /// <summary>Forgets the kept checkpoint: the next request reads the store (a cosignature was just stored).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _entry, null);
    }

    sealed record Entry(StoredCheckpoint? Sequenced, long Generation, long ReadAt, ServedFile File);
}
