using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Sessions;

// Publishing: everything said about the ledger as a whole comes from a replay of a checkpoint's entries, each proven.
public sealed partial class LedgerSession
{
    /// <summary>
    /// The complete state at <paramref name="checkpoint"/>, replayed from its entries, every one proven to be the entry
    /// the signed checkpoint's tree holds (a changed row stops the replay, naming its entry).
    /// </summary>
    public async Task<LedgerState> ReplayAsync(StoredCheckpoint? checkpoint, IProgress<ulong>? progress, CancellationToken cancellationToken)
    {
        var state = new LedgerState();
        await ReplayOntoAsync(state, checkpoint, progress, cancellationToken);
        return state;
    }

    /// <summary>Applies the entries from <paramref name="state"/>'s size up to <paramref name="checkpoint"/>, each proven, to a complete state.</summary>
    public async Task ReplayOntoAsync(LedgerState state, StoredCheckpoint? checkpoint, IProgress<ulong>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (checkpoint is null || state.Size >= checkpoint.Size)
        {
            return;
        }

        Verify(checkpoint);
        var tiles = await ProvenTilesAsync(checkpoint, cancellationToken);
        while (state.Size < checkpoint.Size)
        {
            var leaves = await Store.ReadLeavesAsync(state.Size, (int)Math.Min(LedgerReplay.PageSize, checkpoint.Size - state.Size), cancellationToken);
            if (leaves.Count == 0 || leaves[0].Index != state.Size)
            {
                throw new LogMismatchException($"entry {state.Size} is missing from the store, though checkpoint {checkpoint.Size} holds it: run 'outcomes log verify'");
            }

            // A page's leaf hashes are independent: one batch for a multi-buffer SHA-256.
            var hashes = new Hash[leaves.Count];
            Rfc6962.HashLeaves([.. leaves.Select(l => (ReadOnlyMemory<byte>)l.Data)], hashes, Sha256);

            // Opening an entry (envelope, canonical payload, record) does not depend on the state: a page's entries are
            // opened on all cores, then checked and applied one by one in log order, with the same errors as before.
            var opened = new (LedgerRecord? Record, string? Error)[leaves.Count];
            Parallel.For(0, leaves.Count, i => opened[i] = EntryCodec.TryOpen(leaves[i].Data, out _, out var record, out var error) ? (record, null) : (null, error));
            for (var i = 0; i < leaves.Count; i++)
            {
                var leaf = leaves[i];
                if (leaf.Index != state.Size)
                {
                    throw new LogMismatchException($"entry {state.Size} is missing from the store, though checkpoint {checkpoint.Size} holds it: run 'outcomes log verify'");
                }

                var logged = await tiles.LeafHashAsync(leaf.Index, cancellationToken);
                if (hashes[i] != logged)
                {
                    throw new LogMismatchException($"entry {leaf.Index} does not match the log: its stored bytes hash to {hashes[i]}, but the tree of signed checkpoint {checkpoint.Size} holds {logged}; it was changed in the database: run 'outcomes log verify'");
                }

                if (opened[i].Record is not { } record)
                {
                    throw new LogMismatchException($"entry {leaf.Index} is logged but cannot be read: {opened[i].Error}");
                }

                state.Apply(record, logged);
            }

            progress?.Report(state.Size);
        }
    }

    /// <summary>The scorecard of <paramref name="agreement"/> at checkpoint size <paramref name="at"/> (the latest when null), from a proven replay.</summary>
    public Task<Scorecard> EvaluateAsync(AgreementId agreement, ulong? at, CancellationToken cancellationToken) =>
        EvaluateAsync(agreement, at, null, cancellationToken);

    /// <summary>
    /// As the overload without it, as of <paramref name="asOf"/> when given: a date no later than the checkpoint's log
    /// time (a request for a later one fails naming <c>as-of</c>).
    /// </summary>
    public async Task<Scorecard> EvaluateAsync(AgreementId agreement, ulong? at, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var checkpoint = at is { } size
            ? await CheckpointAsync(size, cancellationToken)
            : await LatestCheckpointAsync(cancellationToken) ?? throw new LedgerRequestException(LedgerError.NotFound, "the log has no checkpoint yet");
        var state = await ReplayAsync(checkpoint, null, cancellationToken);
        return Evaluate(state, checkpoint, agreement, asOf);
    }

    /// <summary>The scorecard of <paramref name="agreement"/> from a complete state standing at <paramref name="checkpoint"/>.</summary>
    public Scorecard Evaluate(LedgerState state, StoredCheckpoint checkpoint, AgreementId agreement, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!state.Agreements.ContainsKey(agreement))
        {
            var known = string.Join(", ", state.Agreements.Keys.Select(a => a.Value));
            throw new LedgerRequestException(LedgerError.NotFound, "agreement", $"agreement '{agreement}' is not in the log (agreements: {(known.Length == 0 ? "none yet" : known)})");
        }

        var cited = CheckpointOf(checkpoint);
        if (asOf is { } wanted && Evaluator.AsOfDate(state, cited) is var latest && wanted > latest)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "as-of", $"{wanted:yyyy-MM-dd} is after the log time of checkpoint {checkpoint.Size} ({latest:yyyy-MM-dd}); a scorecard is as of that date or earlier");
        }

        return Evaluator.Evaluate(state, cited, agreement, asOf);
    }

    /// <summary>A checkpoint as scorecards cite it.</summary>
    public ScorecardCheckpoint CheckpointOf(StoredCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new(Origin, checkpoint.Size, checkpoint.Root.ToBase64(), checkpoint.Note);
    }

    /// <summary>Everything the store holds checked against the log's own hashes, signatures, rules and projection (<c>outcomes log verify</c>).</summary>
    public Task<LogVerification> VerifyLogAsync(IProgress<ulong>? progress, CancellationToken cancellationToken) =>
        LogVerifier.VerifyAsync(Store, LogVerifierKey.CreateVerifier(), Sha256, progress, cancellationToken);

    /// <summary>Replays the log and replaces the projection with what it gives (the log is untouched); says how many rows differed.</summary>
    public async Task<ProjectionRebuild> RebuildProjectionAsync(CancellationToken cancellationToken)
    {
        _options.BeforeWrite?.Invoke();
        var size = (await LatestCheckpointAsync(cancellationToken))?.Size ?? 0;
        var rebuilt = await LedgerReplay.RebuildProjectionAsync(Store, size, cancellationToken);
        var live = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in Store.ReadAllAsync(Projection.Schema, cancellationToken))
        {
            live.Add(row.ToString());
        }

        await Store.ReplaceAsync(Projection.Schema, Projection.SchemaVersion, rebuilt, cancellationToken);
        var fresh = rebuilt.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        var same = live.Count(fresh.Contains);
        return new ProjectionRebuild(size, rebuilt.Count, live.Count + fresh.Count - (2 * same));
    }
}
