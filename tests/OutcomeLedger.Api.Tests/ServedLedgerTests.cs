using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Tests;

/// <summary>Each test has its own ledger: some add entries.</summary>
public sealed class ServedLedgerTests : IAsyncLifetime
{
    readonly TestServer _server = new();

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    ServedLedger Ledger => _server.Services.GetRequiredService<ServedLedger>();

    [Fact]
    public async Task GetScorecardAsync_SameCheckpoint_EvaluatedOnce()
    {
        var first = await Ledger.GetScorecardAsync(TestServer.Agreement, TestContext.Current.CancellationToken);
        var second = await Ledger.GetScorecardAsync(TestServer.Agreement, TestContext.Current.CancellationToken);
        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Equal(Ledger.Sequencer.Latest!.Size, first.Checkpoint.Size);
        Assert.Equal(Ledger.Sequencer.Latest.Note, first.Checkpoint.SignedNote);
    }

    [Fact]
    public async Task GetScorecardAsync_AfterANewCheckpoint_EvaluatesTheNewLog()
    {
        var before = await Ledger.GetScorecardAsync(TestServer.Agreement, TestContext.Current.CancellationToken);
        var result = (await Ledger.Sequencer.SubmitAsync([EntryCodec.Sign(TestServer.Measurement("2026-02", 700m), _server.Us)], TestContext.Current.CancellationToken))[0];
        Assert.True(result.IsLogged, string.Join("; ", result.Errors));

        var after = await Ledger.GetScorecardAsync(TestServer.Agreement, TestContext.Current.CancellationToken);
        Assert.Equal(before!.Checkpoint.Size + 1, after!.Checkpoint.Size);
        var values = after.Commitments.Single().Indicators.Single().Series.Sum(s => s.Values);
        Assert.Equal(before.Commitments.Single().Indicators.Single().Series.Sum(s => s.Values) + 1, values);
    }

    [Fact]
    public async Task GetScorecardAsync_AgreementNotInTheLog_IsNull()
    {
        Assert.Null(await Ledger.GetScorecardAsync(new AgreementId("no-such-agreement"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rendered_SameKeyAndCheckpoint_RenderedOnceAndNotForAnOlderCheckpoint()
    {
        var size = Ledger.Sequencer.Latest!.Size;
        await Ledger.GetScorecardAsync(TestServer.Agreement, TestContext.Current.CancellationToken);
        var renders = 0;
        byte[] Render()
        {
            renders++;
            return [1, 2, 3];
        }

        var first = Ledger.Rendered("k", size, Render);
        Assert.Same(first, Ledger.Rendered("k", size, Render));
        Assert.Equal(1, renders);

        // An older checkpoint's rendering is made each time, never kept over the latest one's.
        Ledger.Rendered("k", size - 1, Render);
        Ledger.Rendered("k", size - 1, Render);
        Assert.Equal(3, renders);
        Assert.Same(first, Ledger.Rendered("k", size, Render));
    }
}
