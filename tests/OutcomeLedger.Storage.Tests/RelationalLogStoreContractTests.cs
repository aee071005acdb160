using System.Data.Common;
using System.Globalization;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;
using OutcomeLedger.Storage.CrashHost;
using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests;

/// <summary>
/// The contract every log store keeps, run for real on each engine (SQLite files, a PostgreSQL server): what is
/// appended reads back byte for byte, appends are all-or-nothing compare-and-swaps, migrations are idempotent, the
/// sequencer logs, refuses and deduplicates exactly, a rebuilt projection equals the live one, and any byte changed
/// beneath the store is named by <see cref="LogVerifier"/>.
/// </summary>
public abstract class RelationalLogStoreContractTests : IAsyncDisposable
{
    protected const string Origin = "test.example/log";
    static readonly SignerKey LogKey = SignerKey.FromSeed(Origin, NoteKeyType.Ed25519, Enumerable.Repeat((byte)7, 32).ToArray());

    protected abstract StoreEngine Engine { get; }

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static NoteSigner Signer => LogKey.CreateSigner();

    // The histories date their entries a second apart from their start: the log's clock follows the sequencer's size.
    static async Task<Sequencer> OpenSequencerAsync(ILedgerStore store)
    {
        Sequencer? opened = null;
        var clock = new TestClock(() => RandomHistory.Start.AddSeconds(opened?.Size ?? 0));
        return opened = await Sequencer.OpenAsync(store, Signer, Origin, clock, Cancel);
    }

    static NoteVerifier Verifier => LogKey.VerifierKey.CreateVerifier();

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AppendAsync_Batches_ReadBackLeavesTilesAndCheckpoints()
    {
        await using var store = await Engine.OpenAsync("log", Cancel);
        var builder = new LogBatchBuilder(Signer, Origin);
        var random = new Random(1);
        var written = new List<byte[]>();
        foreach (var count in new[] { 1, 254, 1, 300, 70 })
        {
            var leaves = LogBatchBuilder.RandomLeaves(random, count);
            await store.AppendAsync(builder.Next(leaves), Cancel);
            written.AddRange(leaves);
        }

        var read = await store.ReadLeavesAsync(0, written.Count + 10, Cancel);
        Assert.Equal(written.Count, read.Count);
        for (var i = 0; i < written.Count; i++)
        {
            Assert.Equal((ulong)i, read[i].Index);
            Assert.Equal(written[i], read[i].Data);
            Assert.Equal(Rfc6962.HashLeaf(written[i]), read[i].LeafHash);
        }

        Assert.Equal(5, (await store.ReadLeavesAsync(621, 5, Cancel)).Count);
        foreach (var tile in TileLayout.HashTiles(builder.Size))
        {
            Assert.Equal(HashTile.Build(builder.Tree, tile), await store.ReadTileAsync(tile.Level, tile.Index, Cancel));
        }

        Assert.Null(await store.ReadTileAsync(0, 99, Cancel));
        var checkpoints = await store.GetCheckpointsAsync(Cancel);
        Assert.Equal([1UL, 255, 256, 556, 626], checkpoints.Select(c => c.Size));
        foreach (var checkpoint in checkpoints)
        {
            Assert.Equal(builder.Tree.RootAt(checkpoint.Size), checkpoint.Root);
            Assert.True(Checkpoint.TryOpen(System.Text.Encoding.UTF8.GetBytes(checkpoint.Note), Verifier, null, out var signed, out var error), error?.ToString());
            Assert.Equal(checkpoint.Size, signed.Checkpoint.TreeSize);
            Assert.Equal(checkpoint, await store.GetCheckpointAsync(checkpoint.Size, Cancel));
        }

        Assert.Null(await store.GetCheckpointAsync(2, Cancel));
        Assert.Null(await store.GetCheckpointAsync(627, Cancel));
        Assert.Equal(checkpoints[^1], await store.GetLatestCheckpointAsync(Cancel));
    }

    [Fact]
    public async Task GetCheckpointsBeforeAsync_NewestFirstBelowTheSizeAtMostTheLimit()
    {
        await using var store = await Engine.OpenAsync("log", Cancel);
        Assert.Empty(await store.GetCheckpointsBeforeAsync(ulong.MaxValue, 10, Cancel));
        var builder = new LogBatchBuilder(Signer, Origin);
        var random = new Random(2);
        foreach (var count in new[] { 1, 254, 1, 300, 70 })
        {
            await store.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(random, count)), Cancel);
        }

        async Task<IEnumerable<ulong>> SizesAsync(ulong size, int limit) => (await store.GetCheckpointsBeforeAsync(size, limit, Cancel)).Select(c => c.Size);
        Assert.Equal([556UL, 256], await SizesAsync(626, 2));
        Assert.Equal([256UL, 255, 1], await SizesAsync(257, 10));
        Assert.Equal([626UL, 556, 256, 255, 1], await SizesAsync(ulong.MaxValue, int.MaxValue));
        Assert.Equal([626UL], await SizesAsync(627, 1));
        Assert.Empty(await SizesAsync(1, 10));
        Assert.Empty(await SizesAsync(0, 10));
        var all = await store.GetCheckpointsAsync(Cancel);
        Assert.Equal(all.Reverse(), await store.GetCheckpointsBeforeAsync(700, 100, Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetCheckpointsBeforeAsync(626, 0, Cancel));
    }

    [Fact]
    public async Task AppendAsync_EmptyStore_HasNoCheckpointLeavesOrTiles()
    {
        await using var store = await Engine.OpenAsync("log", Cancel);
        Assert.Null(await store.GetLatestCheckpointAsync(Cancel));
        Assert.Empty(await store.GetCheckpointsAsync(Cancel));
        Assert.Empty(await store.ReadLeavesAsync(0, 10, Cancel));
        Assert.Null(await store.ReadTileAsync(0, 0, Cancel));
        Assert.Empty(await ProjectionAsync(store));
    }

    /// <summary>
    /// Indices are stored as signed 64-bit integers: one above 2^63−1 (GET /api/v1/entries/9223372036854775808, ?at=2^64−1,
    /// a cosignature for such a size) is simply not in the log, where it used to overflow into a 500.
    /// </summary>
    [Theory]
    [InlineData(9223372036854775807UL)]
    [InlineData(9223372036854775808UL)]
    [InlineData(ulong.MaxValue)]
    public async Task Reads_IndexBeyondSignedRange_FindNothing(ulong index)
    {
        await using var store = await Engine.OpenAsync("log", Cancel);
        var builder = new LogBatchBuilder(Signer, Origin);
        await store.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(new Random(3), 3)), Cancel);

        Assert.Null(await store.GetCheckpointAsync(index, Cancel));
        Assert.Empty(await store.ReadLeavesAsync(index, 10, Cancel));
        Assert.Empty(await store.ReadLeavesAsync(index, int.MaxValue, Cancel));
        Assert.Empty(await store.ReadLeavesAtAsync([index, ulong.MaxValue], Cancel));
        Assert.Null(await store.ReadTileAsync(0, index, Cancel));
        Assert.False(await store.AddCosignatureAsync(index, "— witness.example/w AAAA\n", Cancel));
        // Entries below the range are still read from a window that reaches past it.
        Assert.Equal(3, (await store.ReadLeavesAsync(0, int.MaxValue, Cancel)).Count);
        Assert.Single(await store.ReadLeavesAtAsync([2, index], Cancel));
    }

    [Fact]
    public async Task AppendAsync_StaleExpectedSize_ThrowsLogConflictAndWritesNothing()
    {
        await using var store = await Engine.OpenAsync("log", Cancel);
        var random = new Random(2);
        var first = new LogBatchBuilder(Signer, Origin);
        var second = new LogBatchBuilder(Signer, Origin);
        await store.AppendAsync(first.Next(LogBatchBuilder.RandomLeaves(random, 3)), Cancel);
        var before = await SnapshotAsync(store);

        // A second writer that never saw the first batch builds on size 0: a fork, which the store must refuse.
        var fork = second.Next(LogBatchBuilder.RandomLeaves(random, 2), [PartyRecordKind.PartiesTable.Row("fork", 0L, "party")]);
        var conflict = await Assert.ThrowsAsync<LogConflictException>(() => store.AppendAsync(fork, Cancel));
        Assert.Contains("has 3 entries, not the 0", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(store));

        // Building on the real head works.
        await store.AppendAsync(first.Next(LogBatchBuilder.RandomLeaves(random, 2)), Cancel);
        Assert.Equal(5UL, (await store.GetLatestCheckpointAsync(Cancel))!.Size);
    }

    [Fact]
    public async Task AppendAsync_FailureMidBatch_WritesNothing()
    {
        await using var store = await Engine.OpenAsync("log", Cancel);
        var random = new Random(3);
        var builder = new LogBatchBuilder(Signer, Origin);
        var logged = LogBatchBuilder.RandomLeaves(random, 300);
        await store.AppendAsync(builder.Next(logged), Cancel);
        var before = await SnapshotAsync(store);

        // The third leaf claims the second leaf's index, so its insert violates the leaves' key after two inserts.
        var batch = new LogBatchBuilder(Signer, Origin);
        batch.Next(logged);
        var failing = batch.Next(LogBatchBuilder.RandomLeaves(random, 5), [PartyRecordKind.PartiesTable.Row("half-written", 300L, "party")]);
        failing = failing with { Leaves = [.. failing.Leaves.Select((leaf, i) => i == 2 ? leaf with { Index = leaf.Index - 1 } : leaf)] };
        await Assert.ThrowsAnyAsync<DbException>(() => store.AppendAsync(failing, Cancel));
        Assert.Equal(before, await SnapshotAsync(store));

        // A checkpoint that does not match the leaves is a bug in the caller: refused before anything is written.
        var wrong = builder.Next(LogBatchBuilder.RandomLeaves(random, 2));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(wrong with { Checkpoint = wrong.Checkpoint with { Size = 1000 } }, Cancel));
        Assert.Equal(before, await SnapshotAsync(store));
        await store.AppendAsync(wrong, Cancel);
        Assert.Equal(302UL, (await store.GetLatestCheckpointAsync(Cancel))!.Size);
    }

    [Fact]
    public async Task AppendAsync_SameProjectionKeyTwiceInABatch_KeepsTheLastRow()
    {
        await using var store = await Engine.OpenAsync("log", Cancel);
        var builder = new LogBatchBuilder(Signer, Origin);
        var random = new Random(12);
        await store.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(random, 2), [Measurement(7, "a", "us", null)]), Cancel);

        // Key 7 exists already and comes three times; key 8 is new and comes twice. Each key's last row wins, nulls included.
        ProjectionRow[] rows =
        [
            Measurement(7, "b", "us", 3),
            Measurement(8, "c", "mx", null),
            PartyRecordKind.PartiesTable.Row("us", 2L, "party"),
            Measurement(7, "d", "us", null),
            Measurement(8, "e", "mx", null),
            Measurement(7, "f", "us", 9),
        ];
        await store.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(random, 3), rows), Cancel);
        Assert.Equal(
            [
                "parties(id=us, log_index=2, role=party)",
                "measurements(log_index=7, indicator=i, period=2026-01, author=us, series=f, superseded_by=9)",
                "measurements(log_index=8, indicator=i, period=2026-01, author=mx, series=e, superseded_by=null)",
            ],
            (await ProjectionAsync(store)).Select(r => r.ToString()));
    }

    [Fact]
    public async Task AppendAsync_ManyRowsRepeatingKeys_KeepsEachKeysLastRow()
    {
        await using var store = await Engine.OpenAsync("log", Cancel);
        var builder = new LogBatchBuilder(Signer, Origin);
        var random = new Random(13);
        var expected = new SortedDictionary<long, string>();
        ProjectionRow Row(int key, int value)
        {
            // Every other row clears superseded_by, so a stale row would show in it as well as in the series.
            var row = Measurement(key, value.ToString(CultureInfo.InvariantCulture), "us", value % 2 == 0 ? null : value);
            expected[key] = row.ToString();
            return row;
        }

        // Enough rows that an engine writing large batches differently (PostgreSQL stages them) takes that path.
        await store.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(random, 2), [.. Enumerable.Range(0, 50).Select(k => Row(k, -k))]), Cancel);
        var rows = Enumerable.Range(0, 600).Select(i => Row(random.Next(100), i)).ToList();
        await store.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(random, 3), rows), Cancel);
        Assert.Equal(expected.Values, (await ProjectionAsync(store)).Select(r => r.ToString()));
    }

    [Fact]
    public async Task OpenAsync_Reopened_KeepsEverythingAndMigratesOnce()
    {
        var builder = new LogBatchBuilder(Signer, Origin);
        await using (var store = await Engine.OpenAsync("log", Cancel))
        {
            await store.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(new Random(4), 10), [PartyRecordKind.PartiesTable.Row("us", 0L, "party")]), Cancel);
            await store.SetMetaAsync("origin", Origin, Cancel);
        }

        for (var i = 0; i < 3; i++)
        {
            await using var store = await Engine.OpenAsync("log", Cancel);
            Assert.Equal(10UL, (await store.GetLatestCheckpointAsync(Cancel))!.Size);
            Assert.Equal(10, (await store.ReadLeavesAsync(0, 100, Cancel)).Count);
            Assert.Equal("us", Assert.Single(await ProjectionAsync(store)).Key);
            Assert.Equal(Origin, await store.GetMetaAsync("origin", Cancel));
        }

        await using var connection = await Engine.ConnectAsync("log", Cancel);
        var versions = new List<long>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT version FROM schema_version ORDER BY version";
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                versions.Add(reader.GetInt64(0));
            }
        }

        Assert.Equal(Engine.MigrationVersions, versions);
    }

    /// <summary>The latest migration (dropping the unique index on leaf hashes) keeps every row of a ledger that has data.</summary>
    [Fact]
    public async Task OpenAsync_LatestMigrationOnALedgerWithEntries_KeepsEveryRow()
    {
        var builder = new LogBatchBuilder(Signer, Origin);
        string before;
        await using (var store = await Engine.OpenAsync("log", Cancel))
        {
            await store.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(new Random(5), 300), [PartyRecordKind.PartiesTable.Row("us", 0L, "party")]), Cancel);
            before = await SnapshotAsync(store);
        }

        await using (var connection = await Engine.ConnectAsync("log", Cancel))
        {
            await ExecuteAsync(connection, "DELETE FROM schema_version WHERE version = @v", ("@v", Engine.MigrationVersions[^1]));
        }

        await using var migrated = await Engine.OpenAsync("log", Cancel);
        Assert.Equal(before, await SnapshotAsync(migrated));
        await migrated.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(new Random(6), 3)), Cancel);
        Assert.Equal(303, (await migrated.ReadLeavesAsync(0, 400, Cancel)).Count);
    }

    [Fact]
    public async Task AddCosignatureAsync_Line_AppendsOnceToThatCheckpointOnly()
    {
        await using var store = await Engine.OpenAsync("log", Cancel);
        var builder = new LogBatchBuilder(Signer, Origin);
        var random = new Random(5);
        await store.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(random, 4)), Cancel);
        await store.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(random, 4)), Cancel);
        var before = await store.GetCheckpointsAsync(Cancel);
        using var witness = SignerKey.FromSeed("witness.example/w", NoteKeyType.Ed25519, Enumerable.Repeat((byte)9, 32).ToArray());
        var text = before[0].Note[..(before[0].Note.IndexOf("\n\n", StringComparison.Ordinal) + 1)];
        var cosigned = SignedNote.Sign(text, [witness.CreateSigner()]).ToString();
        var line = cosigned[(cosigned.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];

        Assert.True(await store.AddCosignatureAsync(4, line, Cancel));
        Assert.True(await store.AddCosignatureAsync(4, line, Cancel));
        Assert.False(await store.AddCosignatureAsync(5, line, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AddCosignatureAsync(4, "not a signature line", Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AddCosignatureAsync(4, "— a b\n— c d\n", Cancel));

        var after = await store.GetCheckpointsAsync(Cancel);
        Assert.Equal(before[0].Note + line, after[0].Note);
        Assert.Equal(before[1], after[1]);

        // The log's signature and the witness's both verify.
        Assert.True(Checkpoint.TryOpen(System.Text.Encoding.UTF8.GetBytes(after[0].Note), Verifier, [witness.VerifierKey.CreateVerifier()], out var signed, out var error), error?.ToString());
        Assert.Equal(2, signed.Note.Verified.Count);
    }

    [Fact]
    public async Task SetMetaAsync_Values_AreSetOnceAndNeverChanged()
    {
        await using var store = await Engine.OpenAsync("log", Cancel);
        Assert.Null(await store.GetMetaAsync("origin", Cancel));
        await store.SetMetaAsync("origin", Origin, Cancel);
        await store.SetMetaAsync("origin", Origin, Cancel);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SetMetaAsync("origin", "other.example/log", Cancel));
        Assert.Equal(Origin, await store.GetMetaAsync("origin", Cancel));
    }

    [Fact]
    public async Task ReplaceAsync_Rows_ReplaceEveryRowAndReadBackInOrder()
    {
        await using var store = await Engine.OpenAsync("log", Cancel);
        var builder = new LogBatchBuilder(Signer, Origin);
        await store.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(new Random(6), 2), [PartyRecordKind.PartiesTable.Row("old", 0L, "party"), Measurement(1, "s", "us", null)]), Cancel);
        ProjectionRow[] rows =
        [
            PartyRecordKind.PartiesTable.Row("us", 0L, "party"),
            Measurement(5, "s", "us", null),
            PartyRecordKind.PartiesTable.Row("mx", 1L, "party"),
            Measurement(5, "t", "us", 9),
        ];
        await store.ReplaceAsync(Projection.Schema, Projection.SchemaVersion, rows, Cancel);
        var read = await ProjectionAsync(store);
        Assert.Equal(
            ["parties(id=mx, log_index=1, role=party)", "parties(id=us, log_index=0, role=party)", "measurements(log_index=5, indicator=i, period=2026-01, author=us, series=t, superseded_by=9)"],
            read.Select(r => r.ToString()));
        Assert.Equal(Projection.SchemaVersion, await store.GetSchemaVersionAsync(Cancel));

        // A row that cannot be written fails the replacement, which is all or nothing.
        var nonsense = new ProjectionTable("nonsense", [ProjectionColumn.Text("id")]);
        await Assert.ThrowsAnyAsync<Exception>(() => store.ReplaceAsync(Projection.Schema, Projection.SchemaVersion, [PartyRecordKind.PartiesTable.Row("x", 0L, "party"), nonsense.Row("y")], Cancel));
        Assert.Equal(read.Select(r => r.ToString()), (await ProjectionAsync(store)).Select(r => r.ToString()));
    }

    /// <summary>
    /// A store whose projection an earlier version wrote (the same tables, without the partial index of current
    /// measurements, under that version's schema) gets the index when it is next opened: the schema differs, so the
    /// projection is rebuilt from the log under this one.
    /// </summary>
    [Fact]
    public async Task Open_ProjectionWithoutThePartialIndex_RebuiltWithIt()
    {
        const string Index = "measurements_by_indicator_period_series_superseded_by_null";
        await using (await Engine.OpenAsync("earlier", Cancel))
        {
        }

        Assert.Contains(Index, await Engine.IndexNamesAsync("earlier", "measurements", Cancel));
        var earlier = Projection.SchemaVersion.Replace("; index indicator, period, series where superseded_by is null", "", StringComparison.Ordinal);
        Assert.NotEqual(Projection.SchemaVersion, earlier);
        await using (var connection = await Engine.ConnectAsync("earlier", Cancel))
        {
            await using (var drop = Command(connection, $"DROP INDEX {Index}"))
            {
                await drop.ExecuteNonQueryAsync(Cancel);
            }

            await ExecuteAsync(connection, "UPDATE meta SET value = @v WHERE key = 'projection_schema'", ("@v", earlier));
        }

        Assert.DoesNotContain(Index, await Engine.IndexNamesAsync("earlier", "measurements", Cancel));

        await using var reopened = await Engine.OpenAsync("earlier", Cancel);

        Assert.Contains(Index, await Engine.IndexNamesAsync("earlier", "measurements", Cancel));
        Assert.Equal(Projection.SchemaVersion, await reopened.GetSchemaVersionAsync(Cancel));
    }

    [Fact]
    public async Task FindAndQueryAsync_ReadRowsByColumnInKeyOrderAndByPage()
    {
        await using var store = await Engine.OpenAsync("log", Cancel);
        var builder = new LogBatchBuilder(Signer, Origin);
        var rows = Enumerable.Range(0, 30).Select(i => MeasurementRecordKind.Table.Row((long)i, i % 3 == 0 ? "a" : "b", $"2026-{1 + (i % 12):D2}", "us", $"s{i % 10}", i < 10 ? 20L + i : null)).ToList();
        await store.AppendAsync(builder.Next(LogBatchBuilder.RandomLeaves(new Random(7), 2), rows), Cancel);

        Assert.Equal([2L, 12, 22], (await store.FindAsync(MeasurementRecordKind.Table, "series", ["s2"], Cancel)).Select(r => (long)r.Key));
        Assert.Equal([5L, 7], (await store.FindAsync(MeasurementRecordKind.Table, "log_index", [7L, 5L, 99L], Cancel)).Select(r => (long)r.Key));
        var query = new ProjectionQuery(MeasurementRecordKind.Table).WhereEquals("indicator", "a");
        Assert.Equal(10, await store.CountAsync(query, Cancel));
        var page = await store.QueryAsync(query with { OrderBy = ["period"], Offset = 2, Limit = 3 }, Cancel);
        Assert.Equal(["2026-01", "2026-04", "2026-04"], page.Select(r => r.Text("period")));
        Assert.Equal([24UL, 3, 15], page.Select(r => r.Index("log_index")!.Value));
        Assert.Equal(23UL, (await store.FindAsync(MeasurementRecordKind.Table, "log_index", [3L], Cancel)).Single().Index("superseded_by"));
        Assert.Empty(await store.FindAsync(PartyRecordKind.PartiesTable, "id", ["nobody"], Cancel));
    }

    [Fact]
    public async Task SubmitAsync_History_LogsEveryEntryAtItsIndexAndReopensToTheSameState()
    {
        using var history = new RandomHistory(10);
        var entries = history.Take(600);
        var random = new Random(10);
        await using (var store = await Engine.OpenAsync("log", Cancel))
        using (var sequencer = await OpenSequencerAsync(store))
        {
            var position = 0;
            while (position < entries.Count)
            {
                var batch = entries.Skip(position).Take(random.Next(1, 90)).ToList();
                var results = await sequencer.SubmitAsync(batch, Cancel);
                for (var i = 0; i < batch.Count; i++)
                {
                    Assert.Equal(SubmitStatus.Accepted, results[i].Status);
                    Assert.Equal((ulong)(position + i), results[i].Index);
                    Assert.Equal(Rfc6962.HashLeaf(batch[i]), results[i].LeafHash);
                    Assert.Equal((ulong)(position + batch.Count), results[i].CheckpointSize);
                }

                position += batch.Count;
                Assert.Equal((ulong)position, sequencer.Latest!.Size);
            }
        }

        await using var reopened = await Engine.OpenAsync("log", Cancel);
        using var again = await OpenSequencerAsync(reopened);
        Assert.Equal(600UL, again.Size);
        var replayed = await LedgerReplay.LoadAsync(reopened, 600, recheck: false, null, Cancel);
        Assert.Equal(history.State.Measurements.Count, replayed.Measurements.Count);
        var tree = new MerkleTree();
        foreach (var entry in entries)
        {
            tree.Append(entry);
        }

        Assert.Equal(tree.Root(), again.Latest!.Root);
        var verification = await LogVerifier.VerifyAsync(reopened, Verifier, null, Cancel);
        Assert.True(verification.IsValid, verification.FirstFailure);
        Assert.Equal(600UL, verification.Entries);
        await AssertCheckpointsConsistentAsync(reopened, new Random(11), pairs: 200);
    }

    [Fact]
    public async Task SubmitAsync_RefusedEntries_WriteNothing()
    {
        using var history = new RandomHistory(12);
        await using var store = await Engine.OpenAsync("log", Cancel);
        using var sequencer = await OpenSequencerAsync(store);
        await sequencer.SubmitAsync(history.Take(40), Cancel);
        var before = await SnapshotAsync(store);
        var us = history.KeyOf(RandomHistory.Us);
        var mx = history.KeyOf(RandomHistory.Mx);
        var measurement = history.State.Measurements.Values.First(m => m.Record.Author == RandomHistory.Us);
        var like = measurement.Record with { Period = Period.Month(2014, 1), Supersedes = null };
        using var stranger = SigningKey.FromSeed(Enumerable.Repeat((byte)99, 32).ToArray());
        var signed = EntryCodec.Sign(like, us);
        var tampered = (byte[])signed.Clone();
        tampered[^20] ^= 1;
        var refused = new (string Field, byte[] Entry)[]
        {
            ("signatures[0].keyid", EntryCodec.Sign(like, mx)),
            ("signatures[0].keyid", EntryCodec.Sign(like, stranger)),
            ("author", EntryCodec.Sign(like with { Author = new("nobody") }, stranger)),
            ("dimensions.drug", EntryCodec.Sign(like with { Dimensions = new Dictionary<string, string> { ["drug"] = "tea" } }, us)),
            ("period", EntryCodec.Sign(like with { Period = new Period(PeriodType.Year, 2099, 1) }, us)),
            ("author", EntryCodec.Sign(new AttestationRecord { Author = RandomHistory.Us, RecordedAt = RandomHistory.Start, Measurement = measurement.Index, Verdict = Verdict.Acknowledged }, us)),
            ("supersedes", EntryCodec.Sign(like with { Supersedes = 999_999 }, us)),
            ("entry", "{\"payload\":"u8.ToArray()),
            ("entry", new byte[EntryCodec.MaxEntrySize + 1]),
            ("signatures[0].sig", SignatureTampered(like, us)),
        };
        foreach (var (field, entry) in refused)
        {
            var result = Assert.Single(await sequencer.SubmitAsync([entry], Cancel));
            Assert.Equal(SubmitStatus.Rejected, result.Status);
            Assert.Null(result.Index);
            Assert.Contains(result.Errors, e => e.Field == field);
            Assert.Equal(before, await SnapshotAsync(store));
        }

        // Refused entries beside good ones: only the good ones are logged, at consecutive indices.
        var good = history.Take(3);
        var mixed = await sequencer.SubmitAsync([refused[0].Entry, good[0], refused[3].Entry, good[1], good[2], refused[7].Entry], Cancel);
        Assert.Equal([SubmitStatus.Rejected, SubmitStatus.Accepted, SubmitStatus.Rejected, SubmitStatus.Accepted, SubmitStatus.Accepted, SubmitStatus.Rejected], mixed.Select(r => r.Status));
        Assert.Equal([40UL, 41, 42], mixed.Where(r => r.IsLogged).Select(r => r.Index!.Value));
        Assert.Equal(2, (await store.GetCheckpointsAsync(Cancel)).Count);
        Assert.True((await LogVerifier.VerifyAsync(store, Verifier, null, Cancel)).IsValid);
    }

    [Fact]
    public async Task SubmitAsync_KeyChangesEarlierInTheBatch_ApplyToLaterEntries()
    {
        using var history = new RandomHistory(15);
        await using var store = await Engine.OpenAsync("log", Cancel);
        using var sequencer = await OpenSequencerAsync(store);
        await sequencer.SubmitAsync(history.Take(40), Cancel);
        var old = history.KeyOf(RandomHistory.Us);
        using var next = SigningKey.FromSeed(Enumerable.Repeat((byte)77, 32).ToArray());
        var like = history.State.Measurements.Values.First(m => m.Record.Author == RandomHistory.Us).Record with { Supersedes = null };
        KeyRecord Key(KeyAction action, SigningKey key) => new() { Author = RandomHistory.Us, RecordedAt = RandomHistory.Start, Party = RandomHistory.Us, Action = action, PublicKey = Convert.ToBase64String(key.PublicKey) };

        // Signatures are verified ahead in parallel against the keys known before the batch; the order still decides.
        var results = await sequencer.SubmitAsync(
        [
            EntryCodec.Sign(like with { Period = Period.Month(2014, 1) }, old),
            EntryCodec.Sign(Key(KeyAction.Add, next), old),
            EntryCodec.Sign(like with { Period = Period.Month(2014, 2) }, next),
            EntryCodec.Sign(Key(KeyAction.Revoke, old), next),
            EntryCodec.Sign(like with { Period = Period.Month(2014, 3) }, old),
            SignatureTampered(like with { Period = Period.Month(2014, 4) }, next),
            EntryCodec.Sign(like with { Period = Period.Month(2014, 5) }, next),
        ], Cancel);
        Assert.Equal([SubmitStatus.Accepted, SubmitStatus.Accepted, SubmitStatus.Accepted, SubmitStatus.Accepted, SubmitStatus.Rejected, SubmitStatus.Rejected, SubmitStatus.Accepted], results.Select(r => r.Status));
        Assert.Contains("was revoked at entry 43", results[4].Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal("signatures[0].sig", results[5].Errors.Single().Field);
        Assert.True((await LogVerifier.VerifyAsync(store, Verifier, null, Cancel)).IsValid);
    }

    [Fact]
    public async Task BatchingSequencer_ManySubmissions_AcknowledgesEachAtItsIndexAfterItsBatchCommitted()
    {
        using var history = new RandomHistory(16);
        var entries = history.Take(1500);
        await using var store = await Engine.OpenAsync("log", Cancel);
        using var sequencer = await OpenSequencerAsync(store);
        List<Task<SubmitResult>> pending;
        await using (var front = new BatchingSequencer(sequencer, maxBatch: 100))
        {
            // Queued in order without waiting, as many concurrent clients would: the queue forms the batches.
            pending = [.. entries.Select(e => front.SubmitAsync(e, Cancel)), front.SubmitAsync(entries[7], Cancel)];
            await Task.WhenAll(pending);
        }

        var results = pending.Select(t => t.Result).ToList();
        Assert.Equal(Enumerable.Range(0, 1500).Select(i => (ulong?)i).Append(7UL), results.Select(r => r.Index));
        Assert.All(results.Take(1500), r => Assert.Equal(SubmitStatus.Accepted, r.Status));
        Assert.Equal(SubmitStatus.Duplicate, results[^1].Status);

        // Each acknowledgement names a checkpoint that covers it and that the store holds.
        var checkpoints = (await store.GetCheckpointsAsync(Cancel)).Select(c => c.Size).ToHashSet();
        Assert.All(results.Take(1500), r => Assert.True(r.CheckpointSize > r.Index && checkpoints.Contains(r.CheckpointSize!.Value)));
        Assert.InRange(checkpoints.Count, 15, 1500);
        Assert.True((await LogVerifier.VerifyAsync(store, Verifier, null, Cancel)).IsValid);
    }

    // A store holding the first 40 entries of a random history, one of the US party's measurements to vary (a new
    // period makes an entry that needs nothing logged after those 40) and the key that signs it.
    async Task<(RelationalLogStore Store, MeasurementRecord Like, SigningKey Us)> FortyEntriesAsync(RandomHistory history)
    {
        var store = await Engine.OpenAsync("log", Cancel);
        using (var sequencer = await OpenSequencerAsync(store))
        {
            await sequencer.SubmitAsync(history.Take(40), Cancel);
        }

        var like = history.State.Measurements.Values.First(m => m.Record.Author == RandomHistory.Us).Record with { Supersedes = null };
        return (store, like, history.KeyOf(RandomHistory.Us));
    }

    // A full queue makes the next submitter wait for room; cancelling that wait leaves its entry out, while cancelling
    // the wait of an entry already queued leaves it in: once queued, an entry is integrated like any other.
    [Fact]
    public async Task BatchingSequencer_FullQueue_SubmitterWaitsAndMayCancelBeforeItsEntryIsQueued()
    {
        using var history = new RandomHistory(18);
        var (logged, like, us) = await FortyEntriesAsync(history);
        await using var store = logged;
        var entries = Enumerable.Range(1, 4).Select(month => EntryCodec.Sign(like with { Period = Period.Month(2014, month) }, us)).ToList();
        var failing = new FailingAppendStore(store);
        using var sequencer2 = await OpenSequencerAsync(failing);
        var front = new BatchingSequencer(sequencer2, maxBatch: 1, capacity: 2);
        var first = front.SubmitAsync(entries[0], Cancel);
        await failing.Entered.WaitAsync(Cancel);

        using var queuedWait = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        using var roomWait = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var queued = front.SubmitAsync(entries[1], queuedWait.Token);
        var third = front.SubmitAsync(entries[2], Cancel);
        var waiting = front.SubmitAsync(entries[3], roomWait.Token);
        Assert.False(waiting.IsCompleted);
        roomWait.Cancel();
        queuedWait.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        failing.Release();
        await Assert.ThrowsAsync<IOException>(() => first);
        Assert.Equal(41UL, (await third).Index);
        await front.DisposeAsync();

        // The entry queued before its wait was cancelled is logged; the one that never found room is not.
        var leaves = (await store.ReadLeavesAsync(40, 10, Cancel)).Select(l => l.Data).ToList();
        Assert.Equal([entries[1], entries[2]], leaves);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => front.SubmitAsync(entries[3], Cancel));
    }

    // A batch stays open for more entries until it is full or its time is up; closing the front sends an open batch
    // at once.
    [Fact]
    public async Task BatchingSequencer_MaxAge_HoldsABatchOpenUntilFullOrClosed()
    {
        using var history = new RandomHistory(19);
        var entries = history.Take(13);
        await using var store = await Engine.OpenAsync("log", Cancel);
        using var sequencer = await OpenSequencerAsync(store);
        List<Task<SubmitResult>> pending;
        await using (var front = new BatchingSequencer(sequencer, maxBatch: 5, maxAge: TimeSpan.FromHours(1)))
        {
            pending = [.. entries.Select(e => front.SubmitAsync(e, Cancel))];
            await Task.WhenAll(pending.Take(10));
            Assert.All(pending.Skip(10), p => Assert.False(p.IsCompleted));
        }

        Assert.Equal([5UL, 10UL, 13UL], (await store.GetCheckpointsAsync(Cancel)).Select(c => c.Size));
        Assert.Equal(Enumerable.Range(0, 13).Select(i => (ulong?)i), pending.Select(p => p.Result.Index));
    }

    // Submitters prepare (parse, verify) their entries while the batch before is being committed, as the batching
    // front does. If that commit fails, its submitters see the failure, nothing of it stays in memory (a key it added
    // verifies nothing later), and the next batch is checked against what is durable.
    [Fact]
    public async Task SubmitPreparedAsync_CommitBeforeFails_ChecksAgainstDurableStateOnly()
    {
        using var history = new RandomHistory(17);
        var (logged, like, us) = await FortyEntriesAsync(history);
        await using var store = logged;
        var failing = new FailingAppendStore(store);
        using var faulty = await OpenSequencerAsync(failing);
        using var added = SigningKey.FromSeed(Enumerable.Repeat((byte)78, 32).ToArray());
        var addKey = EntryCodec.Sign(new KeyRecord { Author = RandomHistory.Us, RecordedAt = RandomHistory.Start, Party = RandomHistory.Us, Action = KeyAction.Add, PublicKey = Convert.ToBase64String(added.PublicKey) }, us);

        var failed = faulty.SubmitAsync([EntryCodec.Sign(like with { Period = Period.Month(2014, 1) }, us), addKey], Cancel);
        await failing.Entered.WaitAsync(Cancel);

        // Prepared while the first batch is being committed: the added key is known by then, and verifies its entry.
        var byAddedKey = faulty.Prepare(EntryCodec.Sign(like with { Period = Period.Month(2014, 2) }, added));
        var byOldKey = faulty.Prepare(EntryCodec.Sign(like with { Period = Period.Month(2014, 3) }, us));
        var next = faulty.SubmitPreparedAsync([byAddedKey, byOldKey], Cancel);
        failing.Release();

        await Assert.ThrowsAsync<IOException>(() => failed);
        var results = await next;
        Assert.Equal([SubmitStatus.Rejected, SubmitStatus.Accepted], results.Select(r => r.Status));
        Assert.Equal("signatures[0].keyid", results[0].Errors.Single().Field);
        Assert.Equal(40UL, results[1].Index);
        Assert.Equal(41UL, results[1].CheckpointSize);
        Assert.Equal(41UL, faulty.Size);
        Assert.False(faulty.State.Parties[RandomHistory.Us].Keys.ContainsKey(added.KeyId));
        Assert.Equal(41UL, faulty.Latest!.Size);

        // What is durable is the log before plus the one accepted entry, and it verifies.
        Assert.Equal(41, (await store.ReadLeavesAsync(0, 100, Cancel)).Count);
        Assert.Equal(byOldKey.Data, (await store.ReadLeavesAsync(40, 1, Cancel)).Single().Data);
        Assert.True((await LogVerifier.VerifyAsync(store, Verifier, null, Cancel)).IsValid);
        var live = (await ProjectionAsync(store)).Select(r => r.ToString()).ToList();
        await store.ReplaceAsync(Projection.Schema, Projection.SchemaVersion, await LedgerReplay.RebuildProjectionAsync(store, 41, Cancel), Cancel);
        Assert.Equal(live, (await ProjectionAsync(store)).Select(r => r.ToString()));
    }

    [Fact]
    public async Task SubmitAsync_IdenticalResubmission_ReturnsTheOriginalIndexAndAddsNothing()
    {
        using var history = new RandomHistory(13);
        await using var store = await Engine.OpenAsync("log", Cancel);
        using var sequencer = await OpenSequencerAsync(store);
        var entries = history.Take(50);
        await sequencer.SubmitAsync(entries, Cancel);
        var before = await SnapshotAsync(store);

        var again = await sequencer.SubmitAsync([entries[17], entries[3], entries[17]], Cancel);
        Assert.All(again, r => Assert.Equal(SubmitStatus.Duplicate, r.Status));
        Assert.Equal([17UL, 3, 17], again.Select(r => r.Index!.Value));
        Assert.Equal(before, await SnapshotAsync(store));

        // Within one batch too, and after a reopen.
        var next = history.Next();
        var twice = await sequencer.SubmitAsync([next, next], Cancel);
        Assert.Equal([SubmitStatus.Accepted, SubmitStatus.Duplicate], twice.Select(r => r.Status));
        Assert.Equal([50UL, 50], twice.Select(r => r.Index!.Value));
        using var reopened = await OpenSequencerAsync(store);
        Assert.Equal(50UL, Assert.Single(await reopened.SubmitAsync([next], Cancel)).Index);
        Assert.Equal(51, (await store.ReadLeavesAsync(0, 100, Cancel)).Count);
    }

    [Fact]
    public async Task SubmitAsync_TwoSequencersOnOneStore_NeverForkTheLog()
    {
        using var history = new RandomHistory(14);
        var entries = history.Take(30);
        await using var first = await Engine.OpenAsync("log", Cancel);
        await using var second = await Engine.OpenAsync("log", Cancel);
        using var a = await OpenSequencerAsync(first);
        using var b = await OpenSequencerAsync(second);
        await a.SubmitAsync(entries.Take(20).ToList(), Cancel);

        // b still believes the log is empty: its append is refused by the store, b reloads what is durable and checks
        // its batch again at that head (issue 15, Deliver 6), where a's entries are already logged.
        var rebased = await b.SubmitAsync(entries.Take(5).ToList(), Cancel);
        Assert.All(rebased, r => Assert.Equal(SubmitStatus.Duplicate, r.Status));
        Assert.Equal([0UL, 1, 2, 3, 4], rebased.Select(r => r.Index!.Value));
        Assert.Equal(20UL, b.Size);

        // a moves the head again: b's next batch lands after it.
        await a.SubmitAsync(entries.Skip(20).Take(2).ToList(), Cancel);
        var retried = await b.SubmitAsync(entries.Skip(18).ToList(), Cancel);
        Assert.Equal([18UL, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29], retried.Select(r => r.Index!.Value));
        Assert.True((await LogVerifier.VerifyAsync(first, Verifier, null, Cancel)).IsValid);
        await AssertCheckpointsConsistentAsync(first, new Random(14), pairs: 10);
    }

    [Fact]
    public async Task RebuildProjectionAsync_LargeRandomHistory_EqualsTheLiveProjection()
    {
        using var history = new RandomHistory(20);
        var random = new Random(20);
        await using var store = await Engine.OpenAsync("log", Cancel);
        using var sequencer = await OpenSequencerAsync(store);
        const int Size = 6000;
        while (sequencer.Size < Size)
        {
            var batch = history.Take((int)Math.Min((ulong)random.Next(1, 400), Size - sequencer.Size));
            Assert.All(await sequencer.SubmitAsync(batch, Cancel), r => Assert.Equal(SubmitStatus.Accepted, r.Status));
        }

        var live = (await ProjectionAsync(store)).Select(r => r.ToString()).ToList();
        var rebuilt = await LedgerReplay.RebuildProjectionAsync(store, Size, Cancel);
        Assert.Equal(live.Count, rebuilt.Count);
        await store.ReplaceAsync(Projection.Schema, Projection.SchemaVersion, rebuilt, Cancel);
        Assert.Equal(live, (await ProjectionAsync(store)).Select(r => r.ToString()));

        // The history exercised what it claims: corrections, every verdict, revoked keys.
        var state = await LedgerReplay.LoadAsync(store, Size, recheck: false, null, Cancel);
        Assert.Contains(state.Measurements.Values, m => m.SupersededBy is not null);
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            Assert.Contains(state.Measurements.Values, m => m.Attestations.Any(a => a.Record.Verdict == verdict));
        }

        Assert.All(new[] { RandomHistory.Us, RandomHistory.Mx, RandomHistory.Gao }, p => Assert.NotEmpty(state.Parties[p].RevokedAt));
        Assert.Contains(live, r => r.StartsWith("party_keys", StringComparison.Ordinal) && !r.EndsWith("revoked_at=null)", StringComparison.Ordinal));
    }

    /// <summary>
    /// Issue 12: <c>log verify</c> rechecks the log-time rules on replay. A checkpoint re-signed by the log key with a log
    /// time two hours after its entries' <c>recordedAt</c> (a sequencer that did not apply the rule, or a key holder
    /// rewriting history) is named with the first entry it included and the field; so is a log time that goes back.
    /// </summary>
    [Fact]
    public async Task VerifyAsync_LogTimeRulesBrokenInASignedCheckpoint_NamesTheEntryAndField()
    {
        using var history = new RandomHistory(31);
        await using (var store = await Engine.OpenAsync("timed", Cancel))
        using (var sequencer = await OpenSequencerAsync(store))
        {
            await sequencer.SubmitAsync(history.Take(10), Cancel);
            await sequencer.SubmitAsync(history.Take(5), Cancel);
        }

        await using var verified = await Engine.OpenAsync("timed", Cancel);
        Assert.True((await LogVerifier.VerifyAsync(verified, Verifier, null, Cancel)).IsValid);
        var checkpoints = await verified.GetCheckpointsAsync(Cancel);
        var (first, second) = (checkpoints[0], checkpoints[1]);
        var firstTime = LogTime.Of(first.Note)!.Value;
        await using var connection = await Engine.ConnectAsync("timed", Cancel);

        var late = new Checkpoint(Origin, second.Size, second.Root, [LogTime.ExtensionLine(LogTime.Of(second.Note)!.Value.AddHours(2))]).Sign(Signer).ToString();
        await ExecuteAsync(connection, "UPDATE checkpoints SET note = @v WHERE size = @k", ("@v", late), ("@k", (long)second.Size));
        var verification = await LogVerifier.VerifyAsync(verified, Verifier, null, Cancel);
        Assert.False(verification.IsValid);
        Assert.StartsWith($"entry {first.Size} (", verification.FirstFailure, StringComparison.Ordinal);
        Assert.Contains($"logged in checkpoint {second.Size}): recordedAt: ", verification.FirstFailure, StringComparison.Ordinal);
        Assert.Contains("2 hours behind the log's clock", verification.FirstFailure, StringComparison.Ordinal);

        var backwards = new Checkpoint(Origin, second.Size, second.Root, [LogTime.ExtensionLine(firstTime.AddMinutes(-1))]).Sign(Signer).ToString();
        await ExecuteAsync(connection, "UPDATE checkpoints SET note = @v WHERE size = @k", ("@v", backwards), ("@k", (long)second.Size));
        await AssertFailureAsync(verified, $"checkpoint {second.Size}: its log time ");

        await ExecuteAsync(connection, "UPDATE checkpoints SET note = @v WHERE size = @k", ("@v", second.Note), ("@k", (long)second.Size));
        Assert.True((await LogVerifier.VerifyAsync(verified, Verifier, null, Cancel)).IsValid);
    }

    [Fact]
    public async Task VerifyAsync_StoredBytesChanged_NamesTheEntryTileOrCheckpoint()
    {
        using var history = new RandomHistory(30);
        var random = new Random(30);
        await using (var store = await Engine.OpenAsync("log", Cancel))
        using (var sequencer = await OpenSequencerAsync(store))
        {
            while (sequencer.Size < 700)
            {
                await sequencer.SubmitAsync(history.Take(random.Next(1, 120)), Cancel);
            }
        }

        await using var verified = await Engine.OpenAsync("log", Cancel);
        var clean = await LogVerifier.VerifyAsync(verified, Verifier, null, Cancel);
        Assert.True(clean.IsValid, clean.FirstFailure);
        var size = (long)clean.Entries;
        var checkpoints = await verified.GetCheckpointsAsync(Cancel);
        var tiles = TileLayout.HashTiles(clean.Entries).ToList();
        await using var connection = await Engine.ConnectAsync("log", Cancel);

        for (var round = 0; round < 6; round++)
        {
            var index = random.NextInt64(size);
            await TamperAsync(connection, "leaves", "data", "idx = @k", index, random, $"entry {index}:", verified);
            index = random.NextInt64(size);
            await TamperAsync(connection, "leaves", "leaf_hash", "idx = @k", index, random, $"entry {index}:", verified);

            // The bytes changed and the leaf hash recomputed to match: the entry no longer carries a valid signature.
            index = random.NextInt64(size);
            var original = await ReadBytesAsync(connection, "leaves", "data", "idx = @k", index);
            var forged = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(original).Replace("\"payload\":\"", "\"payload\":\"A", StringComparison.Ordinal));
            await WriteLeafAsync(connection, index, forged);
            await AssertFailureAsync(verified, $"entry {index}:");
            await WriteLeafAsync(connection, index, original);

            var tile = tiles[random.Next(tiles.Count)];
            await TamperAsync(connection, "tiles", "data", $"level = {tile.Level} AND idx = @k", (long)tile.Index, random, $"tile {tile.Path} ", verified);

            var checkpoint = checkpoints[random.Next(checkpoints.Count)];
            await TamperAsync(connection, "checkpoints", "root", "size = @k", (long)checkpoint.Size, random, $"checkpoint {checkpoint.Size}:", verified);
            await TamperNoteAsync(connection, checkpoint, random, verified);
        }

        // The projection beside the log must be exactly what the log gives: a changed, missing or extra row is named.
        var measurement = (await verified.QueryAsync(new ProjectionQuery(MeasurementRecordKind.Table) { Limit = 1 }, Cancel)).Single();
        var key = (long)measurement.Key;
        await ExecuteAsync(connection, "UPDATE measurements SET series = 'changed' WHERE log_index = @k", ("@k", key));
        await AssertFailureAsync(verified, $"the projection row measurements(log_index={key}, ");
        await ExecuteAsync(connection, "UPDATE measurements SET series = @s WHERE log_index = @k", ("@s", measurement.Text("series")!), ("@k", key));
        await ExecuteAsync(connection, "DELETE FROM measurements WHERE log_index = @k", ("@k", key));
        await AssertFailureAsync(verified, $"the projection lacks the row measurements(log_index={key}, ");
        await verified.ReplaceAsync(Projection.Schema, Projection.SchemaVersion, await LedgerReplay.RebuildProjectionAsync(verified, (ulong)size, Cancel), Cancel);
        Assert.True((await LogVerifier.VerifyAsync(verified, Verifier, null, Cancel)).IsValid);

        // A missing entry is named too.
        var gone = random.NextInt64(size);
        var data = await ReadBytesAsync(connection, "leaves", "data", "idx = @k", gone);
        await ExecuteAsync(connection, "DELETE FROM leaves WHERE idx = @k", ("@k", gone));
        await AssertFailureAsync(verified, $"entry {gone} is missing");
        await ExecuteAsync(connection, "INSERT INTO leaves (idx, leaf_hash, data) VALUES (@k, @h, @d)", ("@k", gone), ("@h", Rfc6962.HashLeaf(data).ToArray()), ("@d", data));
        Assert.True((await LogVerifier.VerifyAsync(verified, Verifier, null, Cancel)).IsValid);

        // So is an entry stored twice (nothing in the tables forbids it; the sequencer answers a repeat with the first index).
        var first = random.NextInt64(size - 1);
        var repeat = first + 1 + random.NextInt64(size - first - 1);
        var replaced = await ReadBytesAsync(connection, "leaves", "data", "idx = @k", repeat);
        await WriteLeafAsync(connection, repeat, await ReadBytesAsync(connection, "leaves", "data", "idx = @k", first));
        await AssertFailureAsync(verified, $"entry {repeat} repeats entry {first} (the same bytes)");
        await WriteLeafAsync(connection, repeat, replaced);
        Assert.True((await LogVerifier.VerifyAsync(verified, Verifier, null, Cancel)).IsValid);

        // So is an entry slipped in beyond the latest checkpoint, or a latest checkpoint removed.
        var extra = "{}"u8.ToArray();
        await ExecuteAsync(connection, "INSERT INTO leaves (idx, leaf_hash, data) VALUES (@k, @h, @d)", ("@k", size), ("@h", Rfc6962.HashLeaf(extra).ToArray()), ("@d", extra));
        await AssertFailureAsync(verified, $"entry {size} is stored beyond the latest checkpoint");
        await ExecuteAsync(connection, "DELETE FROM leaves WHERE idx = @k", ("@k", size));
        var latest = checkpoints[^1];
        await ExecuteAsync(connection, "DELETE FROM checkpoints WHERE size = @k", ("@k", (long)latest.Size));
        await AssertFailureAsync(verified, $"entry {checkpoints[^2].Size} is stored beyond the latest checkpoint");
    }

    static async Task TamperAsync(DbConnection connection, string table, string column, string where, long key, Random random, string expected, ILedgerStore store)
    {
        var original = await ReadBytesAsync(connection, table, column, where, key);
        var changed = (byte[])original.Clone();
        changed[random.Next(changed.Length)] ^= (byte)(1 << random.Next(8));
        await ExecuteAsync(connection, $"UPDATE {table} SET {column} = @v WHERE {where}", ("@v", changed), ("@k", key));
        await AssertFailureAsync(store, expected);
        await ExecuteAsync(connection, $"UPDATE {table} SET {column} = @v WHERE {where}", ("@v", original), ("@k", key));
    }

    static async Task TamperNoteAsync(DbConnection connection, StoredCheckpoint checkpoint, Random random, ILedgerStore store)
    {
        // Any one character of the signed note: its text, or the signature line.
        var note = checkpoint.Note;
        var at = random.Next(note.Length - 1);
        var changed = note[..at] + (note[at] == 'x' ? 'y' : 'x') + note[(at + 1)..];
        await ExecuteAsync(connection, "UPDATE checkpoints SET note = @v WHERE size = @k", ("@v", changed), ("@k", (long)checkpoint.Size));
        await AssertFailureAsync(store, $"checkpoint {checkpoint.Size}:");
        await ExecuteAsync(connection, "UPDATE checkpoints SET note = @v WHERE size = @k", ("@v", note), ("@k", (long)checkpoint.Size));
    }

    static async Task AssertFailureAsync(ILedgerStore store, string expected)
    {
        var verification = await LogVerifier.VerifyAsync(store, Verifier, null, Cancel);
        Assert.False(verification.IsValid, $"a change that should be reported as '{expected}' went unnoticed");
        Assert.StartsWith(expected, verification.FirstFailure, StringComparison.Ordinal);
    }

    static Task WriteLeafAsync(DbConnection connection, long index, byte[] data) =>
        ExecuteAsync(connection, "UPDATE leaves SET data = @d, leaf_hash = @h WHERE idx = @k", ("@d", data), ("@h", Rfc6962.HashLeaf(data).ToArray()), ("@k", index));

    static async Task<byte[]> ReadBytesAsync(DbConnection connection, string table, string column, string where, long key)
    {
        await using var command = Command(connection, $"SELECT {column} FROM {table} WHERE {where}", ("@k", key));
        return (byte[])(await command.ExecuteScalarAsync(Cancel))!;
    }

    static async Task ExecuteAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancel));
    }

    static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Checks RFC 9162 consistency, from the stored tiles, between random pairs of stored checkpoints and each with the latest.</summary>
    protected static async Task AssertCheckpointsConsistentAsync(ILogStore store, Random random, int pairs)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(random);
        var checkpoints = await store.GetCheckpointsAsync(Cancel);
        var latest = checkpoints[^1];
        var tree = await StoredTree.ReadAsync(store, latest.Size, Cancel);
        foreach (var checkpoint in checkpoints)
        {
            var check = StoredTree.Consistency(tree, (checkpoint.Size, checkpoint.Root), (latest.Size, latest.Root));
            Assert.True(check.IsValid, $"checkpoint {checkpoint.Size} → {latest.Size}: {check}");
        }

        for (var i = 0; i < pairs; i++)
        {
            var one = checkpoints[random.Next(checkpoints.Count)];
            var two = checkpoints[random.Next(checkpoints.Count)];
            var (earlier, later) = one.Size <= two.Size ? (one, two) : (two, one);
            var check = StoredTree.Consistency(tree, (earlier.Size, earlier.Root), (later.Size, later.Root));
            Assert.True(check.IsValid, $"checkpoint {earlier.Size} → {later.Size}: {check}");
        }
    }

    static byte[] SignatureTampered(MeasurementRecord record, SigningKey key)
    {
        var envelope = EntryCodec.Sign(record, key);
        Assert.True(DsseEnvelope.TryParse(envelope, out var parsed, out _));
        var signature = (byte[])parsed!.Signatures[0].Signature.Clone();
        signature[0] ^= 1;
        return new DsseEnvelope(parsed.PayloadType, parsed.Payload, [new DsseSignature(parsed.Signatures[0].KeyId, signature)]).ToCanonicalJson();
    }

    static ProjectionRow Measurement(long index, string series, string author, long? supersededBy) =>
        MeasurementRecordKind.Table.Row(index, "i", "2026-01", author, series, supersededBy);

    /// <summary>Every projection row, table by table in key order.</summary>
    static async Task<List<ProjectionRow>> ProjectionAsync(RelationalLogStore store)
    {
        var rows = new List<ProjectionRow>();
        await foreach (var row in store.ReadAllAsync(Projection.Schema, Cancel))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Everything the store holds, as text, to show a refused write changed nothing.</summary>
    static async Task<string> SnapshotAsync(RelationalLogStore store)
    {
        var checkpoints = await store.GetCheckpointsAsync(Cancel);
        var size = checkpoints.Count == 0 ? 0 : checkpoints[^1].Size;
        var leaves = await store.ReadLeavesAsync(0, (int)size + 10, Cancel);
        var tiles = new List<string>();
        for (var level = 0; level < 3; level++)
        {
            for (var index = 0UL; index < 4; index++)
            {
                tiles.Add(await store.ReadTileAsync(level, index, Cancel) is { } bytes ? Convert.ToHexString(bytes) : "-");
            }
        }

        var projection = (await ProjectionAsync(store)).Select(r => r.ToString()).ToList();
        return string.Join('\n', checkpoints.Select(c => $"{c.Size} {c.Root} {c.Note}")
            .Concat(leaves.Select(l => $"{l.Index} {l.LeafHash} {Convert.ToHexString(l.Data)}")).Concat(tiles).Concat(projection));
    }
}
