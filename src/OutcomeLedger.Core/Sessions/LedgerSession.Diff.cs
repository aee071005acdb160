using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Text;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Sessions;

// What changed between two checkpoints: one use case for `outcomes diff`, the pack, the API and the dashboard.
public sealed partial class LedgerSession
{
    /// <summary>
    /// What changed from <see cref="DiffRequest.From"/> to <see cref="DiffRequest.To"/>: the later checkpoint proven to
    /// extend the earlier (a consistency proof from the stored tiles, checked against both signed roots), every entry in
    /// between from a proven replay, and the ratings that changed. A <c>from</c> after <c>to</c>, a size larger than the
    /// log, a size without a checkpoint or a date before the first checkpoint fails naming the option.
    /// </summary>
    /// <exception cref="LogMismatchException">The stored log does not show the later checkpoint extending the earlier.</exception>
    public async Task<LedgerDiff> DiffAsync(DiffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var latest = await LatestCheckpointAsync(cancellationToken) ?? throw new LedgerRequestException(LedgerError.NotFound, "the log has no checkpoint yet");
        var to = request.To is { } later ? await NamedCheckpointAsync(later.Trim(), "to", latest, "the log's latest checkpoint", cancellationToken) : latest;
        var from = await NamedCheckpointAsync(request.From.Trim(), "from", to, request.To is null ? "the log's latest checkpoint" : "--to's checkpoint", cancellationToken);
        return await DiffAsync(from, to, request.Language, cancellationToken);
    }

    /// <summary>As <see cref="DiffAsync(DiffRequest, CancellationToken)"/>, between two checkpoints already found (each verified).</summary>
    public async Task<LedgerDiff> DiffAsync(StoredCheckpoint from, StoredCheckpoint to, ScorecardLanguage language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        Verify(from);
        Verify(to);
        var proof = await ConsistencyProofAsync(from, to, cancellationToken);

        // One replay: the state at the earlier checkpoint is evaluated, then carried on to the later one. A stored tile
        // or entry the proof did not need can still be wrong: the replay proves each against its checkpoint's root, and
        // its refusal names both checkpoints, as the proof's does.
        LedgerState state;
        List<Scorecard> then;
        try
        {
            state = await ReplayAsync(from, null, cancellationToken);
            then = [.. state.Agreements.Keys.Select(a => Evaluate(state, from, a))];
            await ReplayOntoAsync(state, to, null, cancellationToken);
        }
        catch (LogMismatchException e)
        {
            throw new LogMismatchException($"no diff from checkpoint {from.Size} to checkpoint {to.Size}: {e.Message}", e);
        }

        var now = state.Agreements.Keys.Select(a => Evaluate(state, to, a)).ToList();
        var changes = LedgerDiffBuilder.Changes(state, from.Size);
        return new LedgerDiff
        {
            From = Ends(from),
            To = Ends(to),
            ConsistencyProof = [.. proof.Select(h => h.ToBase64())],
            Changes = changes,
            OtherEntries = (int)(to.Size - from.Size) - changes.Count,
            Ratings = LedgerDiffBuilder.Ratings(then, now, TextCatalogue.For(language)),
        };
    }

    static DiffCheckpoint Ends(StoredCheckpoint checkpoint) => new(checkpoint.Size, checkpoint.Root.ToBase64(), LogTime.Of(checkpoint.Note));

    // RFC 9162 §2.1.4: the proof is computed from the stored tiles, which prove nothing by themselves; it counts because
    // it checks against the two roots the log's key signed.
    async Task<Hash[]> ConsistencyProofAsync(StoredCheckpoint from, StoredCheckpoint to, CancellationToken cancellationToken)
    {
        Hash[] proof = [];
        if (from.Size > 0 && from.Size < to.Size)
        {
            var needed = new HashSet<TileId>();
            MerkleMath.ConsistencyProof(new TileHashReader(to.Size, tile =>
            {
                needed.Add(tile);
                return new byte[tile.Width * Hash.Size];
            }), from.Size, to.Size);
            var tiles = new Dictionary<TileId, byte[]>();
            foreach (var tile in needed)
            {
                tiles[tile] = await ReadTileAsync(tile, cancellationToken)
                    ?? throw new LogMismatchException($"the consistency proof from checkpoint {from.Size} to checkpoint {to.Size} needs tile {tile.Path}, which is missing from the store: run 'outcomes log verify'");
            }

            proof = MerkleMath.ConsistencyProof(new TileHashReader(to.Size, tile => tiles[tile]), from.Size, to.Size);
        }

        var check = ConsistencyProof.Verify(from.Size, to.Size, proof, from.Root, to.Root);
        if (!check.IsValid)
        {
            throw new LogMismatchException($"checkpoint {to.Size} does not extend checkpoint {from.Size}: the consistency proof fails ({check.Message}); run 'outcomes log verify'");
        }

        return proof;
    }
}
