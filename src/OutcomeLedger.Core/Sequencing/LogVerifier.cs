using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Sequencing;

/// <summary>
/// Re-checks everything a store holds against the log's own mathematics: every leaf re-hashed, every entry re-checked
/// as at admission (signature, author's right, rules, and the log-time rules against the log time of the checkpoint
/// that first included it), every hash tile recomputed, every checkpoint's signature, root and log time (never earlier
/// than the one before). The first mismatch is named: entry index, tile path or checkpoint size.
/// </summary>
public static class LogVerifier
{
    public static Task<LogVerification> VerifyAsync(ILedgerStore store, NoteVerifier logKey, IProgress<ulong>? progress, CancellationToken cancellationToken) =>
        VerifyAsync(store, logKey, PlatformBatchSha256.Instance, progress, cancellationToken);

    /// <summary>As the overload without it, hashing leaves and tree levels in batches with <paramref name="sha256"/>.</summary>
    public static async Task<LogVerification> VerifyAsync(ILedgerStore store, NoteVerifier logKey, IBatchSha256 sha256, IProgress<ulong>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logKey);
        ArgumentNullException.ThrowIfNull(sha256);
        var checkpoints = await store.GetCheckpointsAsync(cancellationToken);
        var logTimes = new List<DateTimeOffset?>(checkpoints.Count);
        DateTimeOffset? previousTime = null;
        ulong previousSize = 0;
        foreach (var stored in checkpoints)
        {
            if (!Checkpoint.TryOpen(System.Text.Encoding.UTF8.GetBytes(stored.Note), logKey, null, out var signed, out var error))
            {
                return Fail(0, 0, $"checkpoint {stored.Size}: {error}");
            }

            if (signed.Checkpoint.TreeSize != stored.Size || signed.Checkpoint.RootHash != stored.Root)
            {
                return Fail(0, 0, $"checkpoint {stored.Size}: the signed note says size {signed.Checkpoint.TreeSize} root {signed.Checkpoint.RootHash}, the row says size {stored.Size} root {stored.Root}");
            }

            if (!LogTime.TryRead(signed.Checkpoint, out var time, out var timeError))
            {
                return Fail(0, 0, $"checkpoint {stored.Size}: {timeError}");
            }

            // The sequencer never dates a batch before the one it follows (c2sp.org/tlog-checkpoint extension line).
            if (time < previousTime)
            {
                return Fail(0, 0, $"checkpoint {stored.Size}: its log time {LogTime.ExtensionLine(time.Value)[(LogTime.Keyword.Length + 1)..]} is earlier than checkpoint {previousSize}'s ({LogTime.ExtensionLine(previousTime.Value)[(LogTime.Keyword.Length + 1)..]})");
            }

            previousTime = time ?? previousTime;
            previousSize = stored.Size;
            logTimes.Add(time);
        }

        var size = checkpoints.Count == 0 ? 0 : checkpoints[^1].Size;
        var tree = new MerkleTree(sha256);
        var state = new LedgerState();
        var indexByHash = new Dictionary<Hash, ulong>();
        var projection = new Dictionary<(string Table, object Key), ProjectionRow>();

        // The checkpoint that first included the entry being checked: its log time is the time the entry was logged at.
        var including = 0;
        while (tree.Size < size)
        {
            var leaves = await store.ReadLeavesAsync(tree.Size, (int)Math.Min(LedgerReplay.PageSize, size - tree.Size), cancellationToken);
            if (leaves.Count == 0 || leaves[0].Index != tree.Size)
            {
                return Fail(tree.Size, 0, $"entry {tree.Size} is missing");
            }

            // A page's leaf hashes are independent: one batch for a multi-buffer SHA-256.
            var hashes = new Hash[leaves.Count];
            Rfc6962.HashLeaves([.. leaves.Select(l => (ReadOnlyMemory<byte>)l.Data)], hashes, sha256);
            for (var k = 0; k < leaves.Count; k++)
            {
                var leaf = leaves[k];
                if (leaf.Index != tree.Size)
                {
                    return Fail(tree.Size, 0, $"entry {tree.Size} is missing");
                }

                var hash = hashes[k];
                if (hash != leaf.LeafHash)
                {
                    return Fail(tree.Size, 0, $"entry {leaf.Index}: its bytes hash to {hash}, but the stored leaf hash is {leaf.LeafHash}");
                }

                // The sequencer answers a repeated submission with its first index: the same bytes twice were written beneath it.
                if (!indexByHash.TryAdd(hash, leaf.Index))
                {
                    return Fail(tree.Size, 0, $"entry {leaf.Index} repeats entry {indexByHash[hash]} (the same bytes); the log takes an entry once");
                }

                var check = state.CheckLogged(leaf.Data);
                if (!check.IsAccepted)
                {
                    return Fail(tree.Size, 0, $"entry {leaf.Index}: {check}");
                }

                while (checkpoints[including].Size <= leaf.Index)
                {
                    including++;
                }

                if (logTimes[including] is { } logTime && LogTime.Check(check.Record!, logTime) is [var untimely, ..])
                {
                    return Fail(tree.Size, 0, $"entry {leaf.Index} ({check.Record!.Kind}, logged in checkpoint {checkpoints[including].Size}): {untimely.Field}: {untimely.Message}");
                }

                state.Apply(check.Record!, hash);
                foreach (var row in Projection.RowsFor(check.Record!, leaf.Index, state))
                {
                    projection[(row.Table.Name, row.Key)] = row;
                }

                tree.AppendLeafHash(hash);
            }

            progress?.Report(tree.Size);
        }

        // Entries past the latest checkpoint were never acknowledged by a signed tree head: someone wrote them beneath the log.
        if (await store.ReadLeavesAsync(size, 1, cancellationToken) is [var extra])
        {
            return Fail(tree.Size, 0, $"entry {extra.Index} is stored beyond the latest checkpoint ({size} entries)");
        }

        foreach (var stored in checkpoints)
        {
            var root = tree.RootAt(stored.Size);
            if (root != stored.Root)
            {
                return Fail(tree.Size, 0, $"checkpoint {stored.Size}: its root is {stored.Root}, but the entries give {root}");
            }
        }

        var tiles = 0;
        foreach (var tile in TileLayout.HashTiles(size))
        {
            var expected = HashTile.Build(tree, tile);
            var bytes = await store.ReadTileAsync(tile.Level, tile.Index, cancellationToken);
            if (bytes is null)
            {
                return Fail(tree.Size, tiles, $"tile {tile.Path} is missing");
            }

            if (!bytes.AsSpan().SequenceEqual(expected))
            {
                return Fail(tree.Size, tiles, $"tile {tile.Path} does not match the entries (stored {bytes.Length / Hash.Size} hashes; {FirstDifference(bytes, expected)})");
            }

            tiles++;
        }

        // The projection beside the log is derived: it must be exactly what the replay gives.
        var rows = 0;
        await foreach (var row in store.ReadAllAsync(Projection.Schema, cancellationToken))
        {
            if (!projection.Remove((row.Table.Name, row.Key), out var expected) || expected.ToString() != row.ToString())
            {
                return Fail(tree.Size, tiles, $"the projection row {row} is not what the log gives ({expected?.ToString() ?? "no such row"}): run 'outcomes ledger rebuild'");
            }

            rows++;
        }

        if (projection.Count > 0)
        {
            return Fail(tree.Size, tiles, $"the projection lacks the row {projection.Values.First()} that the log gives: run 'outcomes ledger rebuild'");
        }

        return new LogVerification(tree.Size, tiles, checkpoints.Count, null) { ProjectionRows = rows };
    }

    static string FirstDifference(byte[] stored, byte[] expected)
    {
        for (var i = 0; i < Math.Min(stored.Length, expected.Length); i++)
        {
            if (stored[i] != expected[i])
            {
                return $"first difference in hash {i / Hash.Size}";
            }
        }

        return "lengths differ";
    }

    static LogVerification Fail(ulong entries, int tiles, string failure) => new(entries, tiles, 0, failure);
}
