using System.Diagnostics;
using System.Globalization;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Tiles;
using OutcomeLedger.Storage.Sqlite;

namespace OutcomeLedger.Benchmarks.Ingest;

/// <summary>
/// Where the CPU of one ingested record goes, stage by stage, on one thread: each stage runs over the same records in
/// a loop of its own and is timed against raw Ed25519 sign + verify measured in the same run, so the shares survive a
/// loaded machine better than absolute times. <code>ingest-stages [--records N]</code>
/// </summary>
public static class IngestStages
{
    public static async Task<int> RunAsync(string[] args)
    {
        var records = args is ["--records", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 20_000;
        using var operatorKey = SigningKey.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray());
        using var usKey = SigningKey.FromSeed(Enumerable.Repeat((byte)2, 32).ToArray());
        var measurements = Enumerable.Range(0, records).Select(IngestBenchmark.Measurement).ToList();
        var state = new LedgerState();
        foreach (var (record, author) in IngestBenchmark.Setup())
        {
            var leaf = EntryCodec.Sign(record, author == IngestBenchmark.Operator ? operatorKey : usKey);
            var check = state.Check(leaf);
            state.Apply(check.Record ?? throw new InvalidOperationException(check.ToString()), Rfc6962.HashLeaf(leaf));
        }

        var results = new List<(string Stage, double Microseconds, double Bytes)>();
        void Time(string stage, Action<int> work)
        {
            work(0);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = ThreadCpu.Now();
            for (var i = 0; i < records; i++)
            {
                work(i);
            }

            results.Add((stage, (ThreadCpu.Now() - start).TotalMicroseconds / records, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)records));
        }

        var publicKey = NSec.Cryptography.PublicKey.Import(NSec.Cryptography.SignatureAlgorithm.Ed25519, usKey.PublicKey, NSec.Cryptography.KeyBlobFormat.RawPublicKey);
        var paes = measurements.Select(m => DsseEnvelope.PreAuthenticationEncoding(EntryCodec.PayloadType(m.Kind), EntryCodec.CanonicalPayload(m))).ToList();
        var signatures = paes.Select(p => usKey.Sign(p)).ToList();
        Time("raw Ed25519 sign", i => usKey.Sign(paes[i]));
        Time("raw Ed25519 verify", i => NSec.Cryptography.SignatureAlgorithm.Ed25519.Verify(publicKey, paes[i], signatures[i]));
        Time("producer: canonical payload", i => EntryCodec.CanonicalPayload(measurements[i]));
        var leaves = new byte[records][];
        Time("producer: sign (whole)", i => leaves[i] = EntryCodec.Sign(measurements[i], usKey));
        Time("leaf hash", i => Rfc6962.HashLeaf(leaves[i]));
        Time("open: envelope parse", i => _ = DsseEnvelope.TryParse(leaves[i], out _, out _));
        var envelopes = leaves.Select(l => DsseEnvelope.TryParse(l, out var e, out _) ? e! : throw new InvalidOperationException()).ToList();
        Time("open: payload is canonical JSON", i => _ = CanonicalJson.IsCanonical(envelopes[i].Payload));
        Time("open: record read and written back", i => _ = EntryCodec.TryReadKnownKind(envelopes[i], out _));
        Time("open: whole (envelope, payload, schema)", i => _ = EntryCodec.TryOpen(leaves[i], out _, out _, out _));
        var prepared = new PreparedEntry[records];
        Time("prepare (open + verify)", i => prepared[i] = state.Prepare(leaves[i]));
        var tiles = TileWriter.Empty();
        var rows = new List<ProjectionRow>();
        var batchLeaves = new List<StoredLeaf>();
        var folder = Directory.CreateTempSubdirectory("outcomes-stages-").FullName;
        await using var store = await SqliteLogStore.OpenAsync(Path.Combine(folder, "ledger.db"), CancellationToken.None);
        var storeTime = TimeSpan.Zero;
        var bytes = new double[5];
        var storeWall = TimeSpan.Zero;
        var checkTime = TimeSpan.Zero;
        var applyTime = TimeSpan.Zero;
        var rowsTime = TimeSpan.Zero;
        var tileTime = TimeSpan.Zero;
        for (var i = 0; i < records; i++)
        {
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            var t0 = ThreadCpu.Now();
            var check = state.Check(prepared[i]);
            var t1 = ThreadCpu.Now();
            var a1 = GC.GetAllocatedBytesForCurrentThread();
            var hash = Rfc6962.HashLeaf(leaves[i]);
            var index = state.Size;
            state.Apply(check.Record!, hash);
            var a2 = GC.GetAllocatedBytesForCurrentThread();
            var t2 = ThreadCpu.Now();
            tiles.Append(hash);
            batchLeaves.Add(new StoredLeaf(tiles.Size - 1, hash, leaves[i]));
            var t3 = ThreadCpu.Now();
            var a3 = GC.GetAllocatedBytesForCurrentThread();
            rows.AddRange(Projection.RowsFor(check.Record!, index, state));
            var a4 = GC.GetAllocatedBytesForCurrentThread();
            var t4 = ThreadCpu.Now();
            bytes[0] += a1 - a0;
            bytes[1] += a2 - a1;
            bytes[2] += a3 - a2;
            bytes[3] += a4 - a3;
            if (i % 4096 == 4095 || i == records - 1)
            {
                var a5 = GC.GetAllocatedBytesForCurrentThread();
                var t5 = ThreadCpu.Now();
                var changed = tiles.TakeChanged().Select(t => new StoredTile(t.Tile.Level, t.Tile.Index, t.Bytes)).ToList();
                var checkpoint = new StoredCheckpoint(tiles.Size, tiles.Root(), "note");
                tileTime += ThreadCpu.Now() - t5;
                var wall = Stopwatch.StartNew();
                var t6 = ThreadCpu.Now();
                await store.AppendAsync(new LogBatch(tiles.Size - (ulong)batchLeaves.Count, batchLeaves, changed, rows, checkpoint), CancellationToken.None);
                storeTime += ThreadCpu.Now() - t6;
                bytes[4] += GC.GetAllocatedBytesForCurrentThread() - a5;
                storeWall += wall.Elapsed;
                batchLeaves = [];
                rows = [];
            }

            checkTime += (t1 - t0);
            applyTime += (t2 - t1);
            tileTime += (t3 - t2);
            rowsTime += (t4 - t3);
        }

        results.Add(("check (rules, in order)", checkTime.TotalMicroseconds / records, bytes[0] / records));
        results.Add(("apply (incl. leaf hash)", applyTime.TotalMicroseconds / records, bytes[1] / records));
        results.Add(("tiles", tileTime.TotalMicroseconds / records, bytes[2] / records));
        results.Add(("projection rows", rowsTime.TotalMicroseconds / records, bytes[3] / records));
        results.Add(("SQLite append, batches of 4096 (CPU; bytes: tiles taken + append)", storeTime.TotalMicroseconds / records, bytes[4] / records));
        results.Add(("SQLite append, batches of 4096 (wall)", storeWall.TotalMicroseconds / records, double.NaN));
        Directory.Delete(folder, recursive: true);

        // The sequencer's whole ordered part (check, apply, tiles, projection, checkpoint signature, one SQLite
        // transaction) by batch size: what a batch costs beyond its records.
        foreach (var batchSize in new[] { 16, 64, 256, 4096 })
        {
            var ledgerFolder = Directory.CreateTempSubdirectory("outcomes-stages-").FullName;
            try
            {
                await using var ledger = await Storage.LedgerFolder.CreateAsync(Path.Combine(ledgerFolder, "ledger"), "bench.example/log", null, CancellationToken.None);
                using var sequencer = await ledger.OpenSequencerAsync(CancellationToken.None);
                await sequencer.SubmitAsync([.. IngestBenchmark.Setup().Select(r => EntryCodec.Sign(r.Record, r.Author == IngestBenchmark.Operator ? operatorKey : usKey))], CancellationToken.None);
                var ready = leaves.Select(sequencer.Prepare).ToList();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var start = ThreadCpu.Now();
                foreach (var chunk in ready.Chunk(batchSize))
                {
                    await sequencer.SubmitPreparedAsync(chunk, CancellationToken.None);
                }

                results.Add(($"sequencer: check to commit, batches of {batchSize} (this thread)", (ThreadCpu.Now() - start).TotalMicroseconds / records, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)records));
            }
            finally
            {
                Directory.Delete(ledgerFolder, recursive: true);
            }
        }

        var signVerify = results[0].Microseconds + results[1].Microseconds;
        Console.WriteLine("| stage | µs/record | ÷ raw sign+verify | bytes allocated/record |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var (stage, microseconds, allocated) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {microseconds:F1} | {microseconds / signVerify:F2} | {(double.IsNaN(allocated) ? "" : allocated.ToString("F0", CultureInfo.InvariantCulture))} |"));
        }

        return 0;
    }
}
