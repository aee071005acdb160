using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Storage.CrashHost;

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
        using var sequencer = await ledger.OpenSequencerAsync(Cancel);

        // The log key must outlive the call that opened the sequencer: every batch signs with it.
        await sequencer.SubmitAsync(history.Take(10), Cancel);
        await sequencer.SubmitAsync(history.Take(5), Cancel);
        Assert.Equal([10UL, 15], (await ledger.Store.GetCheckpointsAsync(Cancel)).Select(c => c.Size));
        Assert.True((await LogVerifier.VerifyAsync(ledger.Store, ledger.LogVerifierKey.CreateVerifier(), null, Cancel)).IsValid);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
