using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Storage.CrashHost;
using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests;

public sealed class LedgerFolderTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("outcomes-ledger-").FullName;

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenSequencerAsync_Batches_SignsACheckpointForEach()
    {
        var path = Path.Combine(_folder, "ledger");
        await using (await LedgerFolder.CreateAsync(path, "folder.example/log", null, Cancel))
        {
        }

        using var history = new RandomHistory(40);
        await using var ledger = await LedgerFolder.OpenAsync(path, Cancel);
        ledger.Clock = new TestClock(RandomHistory.Start);
        using var sequencer = await ledger.OpenSequencerAsync(Cancel);

        // The log key must outlive the call that opened the sequencer: every batch signs with it.
        await sequencer.SubmitAsync(history.Take(10), Cancel);
        await sequencer.SubmitAsync(history.Take(5), Cancel);
        Assert.Equal([10UL, 15], (await ledger.Store.GetCheckpointsAsync(Cancel)).Select(c => c.Size));
        Assert.True((await LogVerifier.VerifyAsync(ledger.Store, ledger.LogVerifierKey.CreateVerifier(), null, Cancel)).IsValid);
    }

    [Fact]
    public async Task CreateAsync_LedgerJson_IsWrittenAsEarlierVersionsWroteItAndReopens()
    {
        // ledger.json is read and written through generated metadata now (LedgerConfigJson): the same text as the
        // reflection serializer wrote (the fixture ledger's ledger.json has this form), the evidence member only when set.
        var plain = Path.Combine(_folder, "plain");
        await using (await LedgerFolder.CreateAsync(plain, "folder.example/log", null, Cancel))
        {
        }

        await using (await LedgerFolder.CreateAsync(Path.Combine(_folder, "with"), "folder.example/log", null, Core.Transparency.Hashing.PlatformBatchSha256.Instance, "evidence-files", Cancel))
        {
        }

        Assert.Equal("{\n  \"format\": 1,\n  \"origin\": \"folder.example/log\",\n  \"database\": \"sqlite\"\n}\n", await File.ReadAllTextAsync(Path.Combine(plain, "ledger.json"), Cancel));
        Assert.Equal(
            "{\n  \"format\": 1,\n  \"origin\": \"folder.example/log\",\n  \"database\": \"sqlite\",\n  \"evidence\": \"evidence-files\"\n}\n",
            await File.ReadAllTextAsync(Path.Combine(_folder, "with", "ledger.json"), Cancel));
        await using var reopened = await LedgerFolder.OpenAsync(plain, Cancel);
        Assert.Equal("folder.example/log", reopened.Origin);
    }

    [Fact]
    public async Task CatchUpAsync_AnotherSequencerAppended_FollowsAndContinuesTheSameLog()
    {
        var path = Path.Combine(_folder, "shared");
        await using (await LedgerFolder.CreateAsync(path, "folder.example/log", null, Cancel))
        {
        }

        using var history = new RandomHistory(41);
        await using var ledger = await LedgerFolder.OpenAsync(path, Cancel);
        ledger.Clock = new TestClock(RandomHistory.Start);
        using var first = await ledger.OpenSequencerAsync(Cancel);
        using var second = await ledger.OpenSequencerAsync(Cancel);

        var logged = history.Take(10);
        await first.SubmitAsync(logged, Cancel);
        Assert.True(await second.CatchUpAsync(Cancel));
        Assert.False(await second.CatchUpAsync(Cancel));
        Assert.Equal(10UL, second.Size);
        Assert.Equal(first.Latest, second.Latest);
        Assert.Equal(first.State.Parties.Keys.Select(p => p.Value).Order(StringComparer.Ordinal), second.State.Parties.Keys.Select(p => p.Value).Order(StringComparer.Ordinal));

        // The follower continues the same tree, and knows what the other logged.
        var results = await second.SubmitAsync([.. history.Take(5), logged[3]], Cancel);
        Assert.Equal([10UL, 11, 12, 13, 14, 3], results.Select(r => r.Index!.Value));
        Assert.Equal(SubmitStatus.Duplicate, results[^1].Status);
        Assert.True(await first.CatchUpAsync(Cancel));
        Assert.Equal(15UL, first.Size);
        Assert.Equal(SubmitStatus.Accepted, (await first.SubmitAsync(history.Take(1), Cancel))[0].Status);
        var verification = await LogVerifier.VerifyAsync(ledger.Store, ledger.LogVerifierKey.CreateVerifier(), null, Cancel);
        Assert.True(verification.IsValid, verification.FirstFailure);
        Assert.Equal(16UL, verification.Entries);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
