using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Core.Monitoring;

/// <summary>
/// Watches a remote ledger's log as a journalist or the other party would, trusting nothing it serves: each round
/// verifies the whole tiled log against its signed checkpoint (<see cref="TiledLogVerifier"/>), proves the tree extends
/// the one verified last round (its root at the old size must be the old root: no rollback, no fork), and replays every
/// entry, checking each new one exactly as the sequencer did at admission (its signature by a key registered for its
/// author, and the ledger's rules). Reads go through a delegate (the monitor's mirror, or HTTP): no I/O here.
/// </summary>
public static class LogMonitor
{
    /// <summary>Runs one round against the log <paramref name="read"/> serves, given what was verified before (null on first contact).</summary>
    public static MonitorRound Check(Func<string, byte[]?> read, VerifierKey logKey, MonitorState? previous, IBatchSha256? sha256 = null) =>
        Check(read, logKey, previous, [], sha256);

    /// <summary>
    /// As the overload without peers, then compares each peer's checkpoint (its name and the bytes it served, null when
    /// it served none) with the verified tree: a checkpoint signed by the log key whose root is not this tree's at its
    /// size is a split view, with both checkpoints as the evidence.
    /// </summary>
    public static MonitorRound Check(Func<string, byte[]?> read, VerifierKey logKey, MonitorState? previous, IReadOnlyList<(string Name, byte[]? Checkpoint)> peers, IBatchSha256? sha256 = null)
    {
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(logKey);
        var checkpointBytes = read(TiledLogVerifier.CheckpointPath);
        if (previous is not null && previous.Origin != logKey.Name)
        {
            return MonitorRound.Failed(MonitorFailure.OtherLog, $"the state is for the log '{previous.Origin}', not '{logKey.Name}': give each log its own state folder", checkpointBytes, previous.Size);
        }

        // The checkpoint is read once: the one verified is the one kept as evidence or state.
        var check = new TiledLogVerifier(logKey.CreateVerifier(), logKey.Name) { Sha256 = sha256 ?? PlatformBatchSha256.Instance }
            .Verify(path => path == TiledLogVerifier.CheckpointPath ? checkpointBytes : read(path));
        if (!check.IsValid)
        {
            return MonitorRound.Failed(MonitorFailure.BadLog, $"the log does not verify: {check}", checkpointBytes, previous?.Size);
        }

        var size = check.Checkpoint!.TreeSize;
        var entries = new List<byte[]>();
        foreach (var bundle in TileLayout.EntryBundles(size))
        {
            if (!EntryBundle.TryDecode(read(bundle.Path) ?? [], bundle.Width, out var items, out var error))
            {
                return MonitorRound.Failed(MonitorFailure.BadLog, $"{bundle.Path}: {error}", checkpointBytes, previous?.Size);
            }

            entries.AddRange(items.Select(e => e.ToArray()));
        }

        var tree = new MerkleTree(sha256 ?? PlatformBatchSha256.Instance);
        foreach (var entry in entries)
        {
            tree.Append(entry);
        }

        if (tree.Size != size || tree.Root() != check.Checkpoint.RootHash)
        {
            return MonitorRound.Failed(MonitorFailure.BadLog, $"the entry bundles do not hash to the checkpoint's root at size {size}", checkpointBytes, previous?.Size);
        }

        if (previous is not null)
        {
            if (size < previous.Size)
            {
                return MonitorRound.Failed(MonitorFailure.RolledBack, $"rolled back: the log now has {size} entries, but this monitor verified {previous.Size}", checkpointBytes, previous.Size);
            }

            var rootThen = MerkleMath.Root(tree, previous.Size);
            if (rootThen != previous.Root)
            {
                return MonitorRound.Failed(MonitorFailure.Forked,
                    $"forked: the log's first {previous.Size} entries hash to {rootThen.ToBase64()}, but this monitor verified root {previous.Root.ToBase64()} at that size",
                    checkpointBytes, previous.Size);
            }
        }

        var views = new List<PeerView>();
        foreach (var (name, bytes) in peers)
        {
            if (bytes is null || !Checkpoint.TryOpen(bytes, logKey.CreateVerifier(), null, out var peer, out _))
            {
                views.Add(new PeerView(name, null, PeerVerdict.Unverified));
                continue;
            }

            var peerSize = peer.Checkpoint.TreeSize;
            if (peerSize > size)
            {
                views.Add(new PeerView(name, peerSize, PeerVerdict.Ahead));
                continue;
            }

            var ours = MerkleMath.Root(tree, peerSize);
            if (ours != peer.Checkpoint.RootHash)
            {
                var splitView = MonitorRound.Failed(MonitorFailure.SplitView,
                    $"split view: {name} holds a checkpoint of size {peerSize} signed by the log with root {peer.Checkpoint.RootHash.ToBase64()}, but the log served this monitor root {ours.ToBase64()} at that size",
                    checkpointBytes, previous?.Size);
                return splitView with { Peers = [new PeerView(name, peerSize, PeerVerdict.Unverified)] };
            }

            views.Add(new PeerView(name, peerSize, PeerVerdict.Agrees));
        }

        var state = new LedgerState();
        var from = previous?.Size ?? 0;
        var added = new List<MonitoredEntry>();
        var measurements = new Dictionary<ulong, MeasurementRecord>();
        for (var i = 0; i < entries.Count; i++)
        {
            var index = (ulong)i;
            LedgerRecord record;
            if (index >= from)
            {
                var entryCheck = state.CheckLogged(entries[i]);
                if (!entryCheck.IsAccepted)
                {
                    return MonitorRound.Failed(MonitorFailure.BadEntry, $"entry {index} does not pass the ledger's checks: {entryCheck}", checkpointBytes, previous?.Size);
                }

                record = entryCheck.Record!;
            }
            else if (!EntryCodec.TryOpen(entries[i], out _, out var opened, out var openError))
            {
                return MonitorRound.Failed(MonitorFailure.BadEntry, $"entry {index} cannot be read: {openError}", checkpointBytes, previous?.Size);
            }
            else
            {
                record = opened!;
            }

            if (index >= from)
            {
                var superseded = record is MeasurementRecord { Supersedes: { } old } && measurements.TryGetValue(old, out var was) ? was : null;
                var attested = record is AttestationRecord attestation && measurements.TryGetValue(attestation.Measurement, out var m) ? m : null;
                var indicator = (record as MeasurementRecord)?.Indicator ?? attested?.Indicator;
                var unit = indicator is { } id ? state.FindIndicator(id)?.Record.Unit : null;
                added.Add(new MonitoredEntry(index, record, superseded, attested, unit));
            }

            if (record is MeasurementRecord measurement)
            {
                measurements[index] = measurement;
            }

            state.Apply(record, Rfc6962.HashLeaf(entries[i]));
        }

        return new MonitorRound(new MonitorState(check.Checkpoint.Origin, size, check.Checkpoint.RootHash), checkpointBytes, previous?.Size, added, null, null) { Peers = views };
    }
}
