using System.Text;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Witnessing;
using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests;

/// <summary>
/// The contract of the small stores beside the log, as a ledger opened through <see cref="LedgerFolder"/> offers them,
/// run for real on each engine: API tokens, the witness's state, evidence files, and whether the ledger can be shared
/// by several servers (an entry queue and a sequencer lock). What one opening of the ledger writes, the next reads.
/// </summary>
public abstract class LedgerSeamsContractTests : IAsyncDisposable
{
    const string Origin = "seams.example/log";

    static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract StoreEngine Engine { get; }

    /// <summary>Whether ledgers on this engine can be served by several servers at once.</summary>
    protected abstract bool Shared { get; }

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected string PathOf(string name) => Path.Combine(Engine.Folder, name);

    protected async Task<LedgerFolder> CreateAsync(string name, string? evidenceFolder = null) =>
        await LedgerFolder.CreateAsync(PathOf(name), Origin, await Engine.LedgerDatabaseAsync(name, Cancel), PlatformBatchSha256.Instance, evidenceFolder, Cancel);

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Tokens_CreatedFoundRevoked_KeptAcrossOpenings()
    {
        string token;
        string revokedId;
        await using (var ledger = await CreateAsync("tokens"))
        {
            token = (await ledger.Tokens.CreateAsync(new PartyId("us"), AccessRole.Party, At, Cancel)).Token;
            var (revoked, _) = await ledger.Tokens.CreateAsync(new PartyId("gao"), AccessRole.Verifier, At, Cancel);
            revokedId = revoked.Id;
            Assert.True(await ledger.Tokens.RevokeAsync(revokedId, At.AddDays(1), Cancel));
            // A second revocation keeps the first time.
            Assert.True(await ledger.Tokens.RevokeAsync(revokedId, At.AddDays(2), Cancel));
            Assert.False(await ledger.Tokens.RevokeAsync("no-such-id", At, Cancel));
        }

        await using var reopened = await LedgerFolder.OpenAsync(PathOf("tokens"), Cancel);
        var listed = await reopened.Tokens.ListAsync(Cancel);
        Assert.Equal([new PartyId("us"), new PartyId("gao")], listed.Select(t => t.Party));
        Assert.Equal([AccessRole.Party, AccessRole.Verifier], listed.Select(t => t.Role));
        Assert.Equal(At, listed[0].CreatedAt);
        Assert.Null(listed[0].RevokedAt);
        Assert.Equal(At.AddDays(1), listed[1].RevokedAt);
        Assert.All(listed, t => Assert.Equal(64, t.Sha256.Length));

        var (found, failure) = await reopened.Tokens.FindAsync(token, Cancel);
        Assert.Equal(new PartyId("us"), found?.Party);
        Assert.Equal("", failure);
        Assert.Equal(AccessTokens.HashOf(token), found!.Sha256);
        var (unknown, why) = await reopened.Tokens.FindAsync(AccessTokens.Prefix + "00000000_" + new string('A', 43), Cancel);
        Assert.Null(unknown);
        Assert.Equal("the bearer token is not known to this ledger", why);
    }

    [Fact]
    public async Task Tokens_RevokedToken_FoundNoMoreAndSaysSo()
    {
        await using var ledger = await CreateAsync("revoked");
        var (stored, token) = await ledger.Tokens.CreateAsync(new PartyId("mx"), AccessRole.Party, At, Cancel);
        await ledger.Tokens.RevokeAsync(stored.Id, At, Cancel);

        var (found, failure) = await ledger.Tokens.FindAsync(token, Cancel);

        Assert.Null(found);
        Assert.Equal($"token {stored.Id} was revoked", failure);
        Assert.DoesNotContain(token, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WitnessState_CompareAndSwap_AdvancesOnlyFromTheStateItRead()
    {
        var a = new CosignedTreeHead(3, HashOf("a"));
        var b = new CosignedTreeHead(5, HashOf("b"));
        var c = new CosignedTreeHead(8, HashOf("c"));
        await using (var ledger = await CreateAsync("witness"))
        {
            var state = ledger.WitnessState;
            Assert.Null(await state.GetAsync("log.example/one", Cancel));
            Assert.True(await state.TryReplaceAsync("log.example/one", null, a, Cancel));
            // A second first cosignature, or one from a state already replaced, changes nothing.
            Assert.False(await state.TryReplaceAsync("log.example/one", null, b, Cancel));
            Assert.True(await state.TryReplaceAsync("log.example/one", a, b, Cancel));
            Assert.False(await state.TryReplaceAsync("log.example/one", a, c, Cancel));
            Assert.False(await state.TryReplaceAsync("log.example/one", a with { Size = 5 }, c, Cancel));
            Assert.True(await state.TryReplaceAsync("log.example/two", null, c, Cancel));
        }

        await using var reopened = await LedgerFolder.OpenAsync(PathOf("witness"), Cancel);
        Assert.Equal(b, await reopened.WitnessState.GetAsync("log.example/one", Cancel));
        Assert.Equal(c, await reopened.WitnessState.GetAsync("log.example/two", Cancel));
        Assert.Null(await reopened.WitnessState.GetAsync("log.example/three", Cancel));
    }

    [Fact]
    public async Task Evidence_StoredByItsHash_ReadBackAndCheckedAfterReopening()
    {
        var content = Encoding.UTF8.GetBytes("%PDF-1.4 seizure report, April");
        string sha;
        await using (var ledger = await CreateAsync("evidence"))
        {
            using var stream = new MemoryStream(content);
            sha = await ledger.Blobs.PutAsync(stream, Cancel);
            // Content-addressed: the same bytes again are the same file.
            using var again = new MemoryStream(content);
            Assert.Equal(sha, await ledger.Blobs.PutAsync(again, Cancel));
        }

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), sha);
        await using var reopened = await LedgerFolder.OpenAsync(PathOf("evidence"), Cancel);
        Assert.True(await reopened.Blobs.ContainsAsync(sha, Cancel));
        Assert.False(await reopened.Blobs.ContainsAsync(new string('0', 64), Cancel));
        Assert.Null(await reopened.Blobs.OpenReadAsync(new string('0', 64), Cancel));
        await using var read = await reopened.Blobs.OpenReadAsync(sha, Cancel);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy, Cancel);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Evidence_FolderConfigured_FilesGoThereOnEveryEngine()
    {
        var folder = Path.Combine(Engine.Folder, "evidence-folder");
        string sha;
        await using (var ledger = await CreateAsync("configured", folder))
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes("month,value\n2026-01,1\n"));
            sha = await ledger.Blobs.PutAsync(stream, Cancel);
        }

        Assert.True(File.Exists(Path.Combine(folder, sha[..2], sha)));
        Assert.False(Directory.Exists(Path.Combine(PathOf("configured"), "blobs")));
        // ledger.json keeps the choice: the next opening finds the file without being told again.
        await using var reopened = await LedgerFolder.OpenAsync(PathOf("configured"), Cancel);
        Assert.True(await reopened.Blobs.ContainsAsync(sha, Cancel));
    }

    [Fact]
    public async Task Evidence_TentativePutWithdrawn_FileGoneAndStoredAnewByTheNextPut()
    {
        var content = Encoding.UTF8.GetBytes("month,value\n2026-04,17\n");
        await using (var ledger = await CreateAsync("withdrawn"))
        {
            var put = await PutTentativeAsync(ledger, content);
            Assert.True(put.Created);
            Assert.True(await ledger.Blobs.ContainsAsync(put.Sha256, Cancel));

            Assert.True(await ledger.Blobs.WithdrawAsync(put, Cancel));

            Assert.False(await ledger.Blobs.ContainsAsync(put.Sha256, Cancel));
            Assert.Null(await ledger.Blobs.OpenReadAsync(put.Sha256, Cancel));
            // Taken back once: a second withdrawal finds nothing of its own.
            Assert.False(await ledger.Blobs.WithdrawAsync(put, Cancel));

            var again = await PutTentativeAsync(ledger, content);
            Assert.True(again.Created);
            Assert.NotEqual(put.Claim, again.Claim);
            await ledger.Blobs.ConfirmAsync(again, Cancel);
        }

        await using var reopened = await LedgerFolder.OpenAsync(PathOf("withdrawn"), Cancel);
        Assert.True(await reopened.Blobs.ContainsAsync(Sha256Of(content), Cancel));
    }

    [Fact]
    public async Task Evidence_StoredBeforeTheTentativePut_NeverWithdrawn()
    {
        var content = Encoding.UTF8.GetBytes("%PDF-1.4 cited by an entry already logged");
        await using var ledger = await CreateAsync("stored_before");
        using (var stream = new MemoryStream(content))
        {
            await ledger.Blobs.PutAsync(stream, Cancel);
        }

        var put = await PutTentativeAsync(ledger, content);

        Assert.False(put.Created);
        Assert.False(await ledger.Blobs.WithdrawAsync(put, Cancel));
        Assert.True(await ledger.Blobs.ContainsAsync(put.Sha256, Cancel));
    }

    [Fact]
    public async Task Evidence_PutAgainAfterTheTentativePut_WithdrawingTheFirstKeepsIt()
    {
        var content = Encoding.UTF8.GetBytes("the same evidence, cited by two writers");
        await using var ledger = await CreateAsync("put_again");
        var first = await PutTentativeAsync(ledger, content);
        var second = await PutTentativeAsync(ledger, content);
        using (var stream = new MemoryStream(Encoding.UTF8.GetBytes("other evidence")))
        {
            await ledger.Blobs.PutAsync(stream, Cancel);
        }

        Assert.True(first.Created);
        Assert.False(second.Created);
        // The second writer may log entries citing it: the first one's failure must not remove it.
        Assert.False(await ledger.Blobs.WithdrawAsync(first, Cancel));
        Assert.False(await ledger.Blobs.WithdrawAsync(second, Cancel));
        Assert.True(await ledger.Blobs.ContainsAsync(first.Sha256, Cancel));

        // A plain put ends a claim as well.
        var third = await PutTentativeAsync(ledger, Encoding.UTF8.GetBytes("claimed, then put by a command"));
        using (var stream = new MemoryStream(Encoding.UTF8.GetBytes("claimed, then put by a command")))
        {
            await ledger.Blobs.PutAsync(stream, Cancel);
        }

        Assert.False(await ledger.Blobs.WithdrawAsync(third, Cancel));
        Assert.True(await ledger.Blobs.ContainsAsync(third.Sha256, Cancel));
    }

    [Fact]
    public async Task Evidence_Confirmed_NeverWithdrawn()
    {
        await using var ledger = await CreateAsync("confirmed");
        var put = await PutTentativeAsync(ledger, Encoding.UTF8.GetBytes("cited by a logged entry"));

        await ledger.Blobs.ConfirmAsync(put, Cancel);

        Assert.False(await ledger.Blobs.WithdrawAsync(put, Cancel));
        Assert.True(await ledger.Blobs.ContainsAsync(put.Sha256, Cancel));
    }

    /// <summary>
    /// Writers racing with the same evidence, half of whose entries are logged (confirm) and half not (withdraw): however
    /// they interleave, the file stays, since a logged entry cites it.
    /// </summary>
    [Fact]
    public async Task Evidence_ConcurrentWritersOfTheSameFile_KeptWhenAnyOfThemLogs()
    {
        await using var ledger = await CreateAsync("concurrent");
        for (var round = 0; round < 5; round++)
        {
            var content = Encoding.UTF8.GetBytes($"shared evidence, round {round}");
            await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                var put = await PutTentativeAsync(ledger, content);
                if (i % 2 == 0)
                {
                    await ledger.Blobs.ConfirmAsync(put, Cancel);
                }
                else
                {
                    await ledger.Blobs.WithdrawAsync(put, Cancel);
                }
            }, Cancel)));

            Assert.True(await ledger.Blobs.ContainsAsync(Sha256Of(content), Cancel), $"round {round}");
        }
    }

    /// <summary>
    /// Tentative puts settled: one kept, one taken back, one claimed and then put again by another writer (which ends
    /// the claim). Only the kept and the claimed evidence remain, and no claim is left behind.
    /// </summary>
    [Fact]
    public async Task Evidence_TentativePutsSettled_OnlyTheKeptRemainAndNoClaimLeft()
    {
        await using var ledger = await CreateAsync("claims");
        var kept = await PutTentativeAsync(ledger, [1]);
        await ledger.Blobs.ConfirmAsync(kept, Cancel);
        var dropped = await PutTentativeAsync(ledger, [2]);
        await ledger.Blobs.WithdrawAsync(dropped, Cancel);
        var claimed = await PutTentativeAsync(ledger, [3]);
        Assert.True(claimed.Created);
        Assert.Contains((claimed.Sha256, true), await StoredEvidenceAsync("claims"));
        var again = await PutTentativeAsync(ledger, [3]);
        Assert.False(again.Created);

        Assert.Equal(new[] { (kept.Sha256, false), (claimed.Sha256, false) }.OrderBy(e => e.Item1, StringComparer.Ordinal), await StoredEvidenceAsync("claims"));
    }

    /// <summary>
    /// The evidence ledger <paramref name="name"/> holds, read beneath the store, by SHA-256 in ordinal order: whether
    /// each is still claimed by a tentative put. Fails on anything there that is neither evidence nor the store's own.
    /// </summary>
    protected abstract Task<IReadOnlyList<(string Sha256, bool Claimed)>> StoredEvidenceAsync(string name);

    [Fact]
    public async Task SharedQueueAndSequencerLock_OfferedExactlyWhenSeveralServersCanShareTheLedger()
    {
        await using var ledger = await CreateAsync("capabilities");

        Assert.Equal(Shared, ledger.IsShared);
        Assert.Equal(Shared, ledger.SharedQueue is not null);
        Assert.Equal(Shared, ledger.SequencerLock is not null);
        if (ledger.SequencerLock is { } sequencerLock)
        {
            var held = await sequencerLock.TryTakeAsync(Cancel);
            Assert.NotNull(held);
            Assert.Null(await sequencerLock.TryTakeAsync(Cancel));
            await held.DisposeAsync();
            await using var next = await sequencerLock.TryTakeAsync(Cancel);
            Assert.NotNull(next);
        }
    }

    static Hash HashOf(string text) => Rfc6962.HashLeaf(Encoding.UTF8.GetBytes(text));

    static string Sha256Of(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    protected static async Task<Core.Storage.TentativeBlob> PutTentativeAsync(LedgerFolder ledger, byte[] content)
    {
        using var stream = new MemoryStream(content);
        var put = await ledger.Blobs.PutTentativeAsync(stream, Cancel);
        Assert.Equal(Sha256Of(content), put.Sha256);
        return put;
    }
}
