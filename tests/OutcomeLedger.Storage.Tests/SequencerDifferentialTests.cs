using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests;

/// <summary>
/// The sequencer on a real store — its state loaded on demand from the projection before each batch, a repeat found
/// among the entries an identical record would be — against the reference semantics (<see cref="ReferenceLedger"/>):
/// a complete state replayed entry by entry, a repeat found by the leaf hash of anything logged. For several seeds a
/// long random stream of entries of every kind, valid and invalid (<see cref="RandomEntryStream"/>), is submitted in
/// random batches, the sequencer sometimes reopened between them. Every entry must get the same answer from both
/// (status, index, leaf hash, every error's field and message), and the log must then verify, projection included.
/// </summary>
public abstract class SequencerDifferentialTests : IAsyncDisposable
{
    const string Origin = "test.example/log";
    const int StreamLength = 4000;
    static readonly SignerKey LogKey = SignerKey.FromSeed(Origin, NoteKeyType.Ed25519, Enumerable.Repeat((byte)7, 32).ToArray());

    protected abstract StoreEngine Engine { get; }

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task SubmitAsync_RandomStreamInRandomBatches_AnswersEveryEntryAsACompleteReplay(int seed)
    {
        // The stream, and the reference's answer to each entry as it is made, at the log time of the batch it will be in.
        var batches = PlanBatches(seed, StreamLength);
        var reference = new ReferenceLedger();
        var entries = new List<StreamEntry>(StreamLength);
        var expected = new List<ReplayOutcome>(StreamLength);
        using (var stream = new RandomEntryStream(seed, reference.State))
        {
            while (entries.Count < StreamLength)
            {
                var entry = stream.Next();
                entries.Add(entry);
                expected.Add(reference.Submit(entry.Data, LogTimeOf(batches.First(b => b.Holds(entries.Count - 1)))));
            }
        }

        var clock = new TestClock(RandomEntryStream.Start);
        var store = await Engine.OpenAsync("log", Cancel);
        var sequencer = await Sequencer.OpenAsync(store, LogKey.CreateSigner(), Origin, clock, Cancel);
        try
        {
            var logged = 0UL;
            foreach (var batch in batches)
            {
                if (batch.Reopen is not Reopen.None)
                {
                    sequencer.Dispose();
                    if (batch.Reopen is Reopen.StoreAndSequencer)
                    {
                        await store.DisposeAsync();
                        store = await Engine.OpenAsync("log", Cancel);
                    }

                    sequencer = await Sequencer.OpenAsync(store, LogKey.CreateSigner(), Origin, clock, Cancel);
                }

                clock.Now = LogTimeOf(batch);
                IReadOnlyList<SubmitResult> results;
                try
                {
                    results = await sequencer.SubmitAsync([.. entries.Skip(batch.Start).Take(batch.Count).Select(e => e.Data)], Cancel);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    var culprit = await ThrowingEntryAsync(sequencer, batch, entries, expected, batches);
                    var lines = Enumerable.Range(batch.Start, batch.Count).Select(i => $"  {i}: {entries[i].Kind}, \"{entries[i].Scenario}\" (complete replay: {expected[i]})");
                    throw new InvalidOperationException(
                        $"seed {seed}: the sequencer threw on {batch}: {e.GetType().Name}: {e.Message}\n{culprit}\nThe batch:\n{string.Join('\n', lines)}", e);
                }

                var mismatches = Enumerable.Range(0, batch.Count)
                    .Where(i => !expected[batch.Start + i].SameAs(ReplayOutcome.Of(results[i])))
                    .Select(i => $"seed {seed}, {Describe(batch.Start + i, entries, expected, batches)}:\n    complete replay: {expected[batch.Start + i]}\n    sequencer:       {ReplayOutcome.Of(results[i])}")
                    .Take(5)
                    .ToList();
                Assert.True(mismatches.Count == 0, $"the sequencer and a complete replay answer differently:\n{string.Join('\n', mismatches)}");
                logged += (ulong)expected.Skip(batch.Start).Take(batch.Count).Count(o => o.Status == SubmitStatus.Accepted);
                Assert.Equal(logged, sequencer.Size);
            }

            Assert.Equal(reference.Tree.Root(), sequencer.Latest!.Root);
            var verification = await LogVerifier.VerifyAsync(store, LogKey.VerifierKey.CreateVerifier(), null, Cancel);
            Assert.True(verification.IsValid, $"seed {seed}: {verification.FirstFailure}");
            Assert.Equal(reference.State.Size, verification.Entries);
        }
        finally
        {
            sequencer.Dispose();
            await store.DisposeAsync();
        }

        AssertCoverage(seed, entries, expected, batches);
    }

    enum Reopen
    {
        None,
        Sequencer,
        StoreAndSequencer,
    }

    /// <param name="Number">The batch's number, from 0.</param>
    /// <param name="Start">The stream position of its first entry.</param>
    /// <param name="Count">How many entries it holds.</param>
    /// <param name="Reopen">What is opened again just before it.</param>
    sealed record Batch(int Number, int Start, int Count, Reopen Reopen)
    {
        public bool Holds(int position) => position >= Start && position < Start + Count;

        public override string ToString() => $"batch {Number} (entries {Start}..{Start + Count - 1}{Reopen switch
        {
            Reopen.Sequencer => ", the first after the sequencer was reopened",
            Reopen.StoreAndSequencer => ", the first after the store and the sequencer were reopened",
            _ => "",
        }})";
    }

    // The stream dates its entries a second apart: the log's clock stands in the middle of each batch.
    static DateTimeOffset LogTimeOf(Batch batch) => RandomEntryStream.Start.AddSeconds(batch.Start + 150);

    // Mostly up to a few hundred entries, sometimes a handful; now and then the sequencer (and its store) reopened first.
    static List<Batch> PlanBatches(int seed, int entries)
    {
        var random = new Random(seed);
        var batches = new List<Batch>();
        for (var start = 0; start < entries;)
        {
            var count = Math.Min(entries - start, random.Next(100) < 15 ? random.Next(1, 6) : random.Next(1, 301));
            var reopen = batches.Count == 0 ? Reopen.None : random.Next(100) switch { < 5 => Reopen.Sequencer, < 10 => Reopen.StoreAndSequencer, _ => Reopen.None };
            batches.Add(new Batch(batches.Count, start, count, reopen));
            start += count;
        }

        return batches;
    }

    // After a batch threw (nothing of it written), its entries one by one: the first that throws alone is the likely culprit.
    static async Task<string> ThrowingEntryAsync(Sequencer sequencer, Batch batch, List<StreamEntry> entries, List<ReplayOutcome> expected, List<Batch> batches)
    {
        for (var i = batch.Start; i < batch.Start + batch.Count; i++)
        {
            try
            {
                await sequencer.SubmitAsync([entries[i].Data], Cancel);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return $"Submitted alone after the entries before it, {Describe(i, entries, expected, batches)} throws: {e.Message}";
            }
        }

        return "Submitted one by one, no entry of the batch throws: it takes them together.";
    }

    static Batch BatchOf(int position, List<Batch> batches) => batches.First(b => b.Holds(position));

    static string Describe(int position, List<StreamEntry> entries, List<ReplayOutcome> expected, List<Batch> batches)
    {
        var entry = entries[position];
        var text = $"entry {position} ({BatchOf(position, batches)}): {entry.Kind}, \"{entry.Scenario}\"";
        if (entry.Repeats is { } original)
        {
            text += $", resubmitting entry {original} ({BatchOf(original, batches)})";
        }

        if (entry.Target is { } target && expected.FindIndex(o => o.Status == SubmitStatus.Accepted && o.Index == target) is var at and >= 0)
        {
            text += $", aimed at log index {target} (the {entries[at].Kind} of entry {at}, {BatchOf(at, batches)})";
        }

        return text;
    }

    /// <summary>
    /// The stream exercised what the test claims: each scenario with the answer that makes it worth having, records
    /// built on others in the same batch and long before, repeats within and across batches, reopened sequencers.
    /// </summary>
    static void AssertCoverage(int seed, List<StreamEntry> entries, List<ReplayOutcome> expected, List<Batch> batches)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var positionOf = new Dictionary<ulong, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (entry, outcome) = (entries[i], expected[i]);
            seen.Add($"{outcome.Status.ToString().ToLowerInvariant()}: {entry.Scenario}");
            if (outcome.Status == SubmitStatus.Accepted)
            {
                positionOf[outcome.Index!.Value] = i;
                if (entry.Target is { } target && positionOf.TryGetValue(target, out var on))
                {
                    var where = BatchOf(on, batches).Holds(i) ? "in the same batch" : outcome.Index - target >= 1000 ? "1000 or more entries before" : "before";
                    seen.Add($"accepted: {entry.Kind} on {entries[on].Kind} logged {where}");
                }
            }

            if (outcome.Status == SubmitStatus.Duplicate && entry.Repeats is { } original)
            {
                seen.Add(BatchOf(original, batches).Holds(i) ? "duplicate: within a batch" : "duplicate: across batches");
                if (i - original >= 1000)
                {
                    seen.Add("duplicate: of an entry 1000 or more before");
                }

                if (BatchOf(i, batches).Reopen is not Reopen.None)
                {
                    seen.Add("duplicate: just after a reopen");
                }
            }
        }

        foreach (var batch in batches)
        {
            var kinds = Enumerable.Range(batch.Start, batch.Count).Where(i => expected[i].Status == SubmitStatus.Accepted).GroupBy(i => entries[i].Kind);
            seen.UnionWith(kinds.Where(g => g.Count() >= 2).Select(g => $"accepted: several of kind {g.Key} in one batch"));
        }

        string[] kindsOfRecord = ["party", "key", "agreement", "policy", "statement", "commitment", "indicator", "measurement", "attestation"];
        string[] required =
        [
            "accepted: party: new", "rejected: party: already registered", "rejected: party: a second operator",
            "accepted: key: add", "accepted: key: revoke", "rejected: key: revoke the last active key", "rejected: key: change another party's keys",
            "rejected: signed by a revoked key, straight after its revocation", "rejected: signed by a revoked key", "rejected: signed by a key never registered",
            "accepted: agreement: new", "rejected: agreement: existing id",
            "accepted: policy: first for its agreement", "accepted: policy: second for its agreement", "accepted: policy: third or later for its agreement",
            "rejected: policy: invalid values", "rejected: policy: for no agreement",
            "accepted: statement: new", "rejected: statement: existing id",
            "accepted: commitment: new", "rejected: commitment: unknown statement",
            "accepted: indicator: new with dimensions", "accepted: indicator: new without dimensions", "rejected: indicator: existing id",
            "accepted: measurement: new value with dimensions", "accepted: measurement: new value without dimensions",
            "accepted: measurement: correction of the current value", "accepted: measurement: correction of a correction (chain)",
            "rejected: measurement: correction of an already-corrected value", "rejected: measurement: correction of another series",
            "rejected: measurement: correction by another party", "rejected: measurement: second value without a correction",
            "rejected: measurement: supersedes an entry that is not a measurement", "rejected: measurement: unknown indicator",
            "accepted: attestation: acknowledged", "accepted: attestation: disputed", "accepted: attestation: verified", "accepted: attestation: verification-failed",
            "accepted: attestation: resolution of a disputed value", "rejected: attestation: resolution of an undisputed value",
            "rejected: attestation: resolution by the operator", "accepted: attestation: withdrawal by the disputer",
            "rejected: attestation: withdrawal by another than the disputer", "rejected: attestation: on its own measurement", "rejected: attestation: verified by a party",
            "rejected: attestation: on an entry that is not a measurement",
            "rejected: bad signature: a bit flipped", "rejected: bad signature: another payload", "rejected: bad signature: another party's key",
            "rejected: malformed: not JSON", "rejected: malformed: two signatures", "rejected: malformed: the payload type of another kind",
            "rejected: same record: measurement signed with another key", "rejected: same record: measurement made again later",
            "duplicate: resubmission: the entry just submitted", "duplicate: resubmission: a recent entry", "duplicate: resubmission: a superseded measurement",
            .. kindsOfRecord.Select(kind => $"duplicate: resubmission: an earlier {kind}"),
            "duplicate: within a batch", "duplicate: across batches", "duplicate: of an entry 1000 or more before", "duplicate: just after a reopen",
            "accepted: measurement on indicator logged in the same batch", "accepted: measurement on measurement logged in the same batch",
            "accepted: attestation on measurement logged in the same batch", "accepted: attestation on measurement logged 1000 or more entries before",
            .. new[] { "agreement", "policy", "statement", "commitment", "indicator" }.Select(kind => $"accepted: several of kind {kind} in one batch"),
        ];
        var missing = required.Where(r => !seen.Contains(r)).ToList();
        Assert.True(batches.Any(b => b.Reopen is Reopen.Sequencer) && batches.Any(b => b.Reopen is Reopen.StoreAndSequencer), $"seed {seed}: the sequencer was never reopened");
        Assert.True(missing.Count == 0, $"seed {seed}: the stream did not exercise:\n  {string.Join("\n  ", missing)}");
    }
}
