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

    /// <summary>Evidence files under <c>blobs/</c>, each claimed while a <c>.claim-*</c> marker stands beside it; the claims' lock file is there too.</summary>
    protected override Task<IReadOnlyList<(string Sha256, bool Claimed)>> StoredEvidenceAsync(string name)
    {
        var blobs = Path.Combine(PathOf(name), "blobs");
        Assert.True(File.Exists(Path.Combine(blobs, ".claims.lock")));
        var files = Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(blobs, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f != ".claims.lock")
            .ToList();
        const string Marker = ".claim-";
        var evidence = files.Where(f => !f.Contains(Marker, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var claimed = files.Except(evidence).Select(f => f[..f.IndexOf(Marker, StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(evidence, claimed);
        IReadOnlyList<(string Sha256, bool Claimed)> found = [.. evidence
            .Select(f =>
            {
                var sha = Path.GetFileName(f);
                Assert.Equal($"{sha[..2]}/{sha}", f);
                return (sha, claimed.Contains(f));
            })
            .OrderBy(e => e.sha, StringComparer.Ordinal)];
        return Task.FromResult(found);
    }
}
