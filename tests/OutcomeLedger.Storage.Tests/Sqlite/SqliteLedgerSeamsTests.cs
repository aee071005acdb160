using System.Text.Json;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Witnessing;
using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests.Sqlite;

/// <summary>The small stores of a SQLite ledger folder: files beside <c>ledger.db</c>, in the formats earlier versions wrote.</summary>
public sealed class SqliteLedgerSeamsTests : LedgerSeamsContractTests
{
    protected override StoreEngine Engine { get; } = new SqliteEngine();

    protected override bool Shared => false;

    [Fact]
    public async Task Folder_TokensWitnessStateAndEvidence_AreFilesInTheLedgerFolder()
    {
        string token;
        string sha;
        await using (var ledger = await CreateAsync("files"))
        {
            token = (await ledger.Tokens.CreateAsync(new PartyId("us"), AccessRole.Admin, DateTimeOffset.UnixEpoch, Cancel)).Token;
            await ledger.WitnessState.TryReplaceAsync("log.example/one", null, new CosignedTreeHead(2, Rfc6962.HashLeaf([1])), Cancel);
            using var content = new MemoryStream([1, 2, 3]);
            sha = await ledger.Blobs.PutAsync(content, Cancel);
        }

        var tokens = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(PathOf("files"), TokenFile.FileName), Cancel)).RootElement;
        Assert.Equal("us", tokens[0].GetProperty("party").GetString());
        Assert.Equal("admin", tokens[0].GetProperty("role").GetString());
        Assert.Equal(AccessTokens.HashOf(token), tokens[0].GetProperty("sha256").GetString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(PathOf("files"), TokenFile.FileName)));
        }

        var state = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(PathOf("files"), WitnessStateFile.FileName), Cancel)).RootElement;
        Assert.Equal($"2 {Rfc6962.HashLeaf([1]).ToBase64()}", state.GetProperty("log.example/one").GetString());
        Assert.True(File.Exists(Path.Combine(PathOf("files"), "blobs", sha[..2], sha)));
    }

    [Fact]
    public async Task Open_DatabaseFileNotSqlite_StoreUnavailableNamingTheFile()
    {
        await using (await CreateAsync("broken"))
        {
        }

        var database = Path.Combine(PathOf("broken"), LedgerFolder.DatabaseFile);
        foreach (var file in Directory.EnumerateFiles(PathOf("broken"), LedgerFolder.DatabaseFile + "*"))
        {
            File.Delete(file);
        }

        await File.WriteAllTextAsync(database, new string('x', 4096), Cancel);

        var error = await Assert.ThrowsAsync<LedgerStoreUnavailableException>(() => LedgerFolder.OpenAsync(PathOf("broken"), Cancel));

        Assert.Contains(database, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_TentativePutsSettled_OnlyTheKeptFilesAndTheLockRemain()
    {
        await using var ledger = await CreateAsync("claims");
        var kept = await PutTentativeAsync(ledger, [1]);
        await ledger.Blobs.ConfirmAsync(kept, Cancel);
        var dropped = await PutTentativeAsync(ledger, [2]);
        await ledger.Blobs.WithdrawAsync(dropped, Cancel);
        var claimed = await PutTentativeAsync(ledger, [3]);
        Assert.True(claimed.Created);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(PathOf("claims"), "blobs", claimed.Sha256[..2]), "*.claim-*"));
        var again = await PutTentativeAsync(ledger, [3]);
        Assert.False(again.Created);

        var blobs = Path.Combine(PathOf("claims"), "blobs");
        var files = Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(blobs, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(new[] { ".claims.lock", $"{kept.Sha256[..2]}/{kept.Sha256}", $"{claimed.Sha256[..2]}/{claimed.Sha256}" }.Order(StringComparer.Ordinal), files);
    }
}
