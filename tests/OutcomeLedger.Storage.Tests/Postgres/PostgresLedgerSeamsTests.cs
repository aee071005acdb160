using Npgsql;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Storage.Postgres;
using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests.Postgres;

/// <summary>
/// The small stores of a PostgreSQL ledger: in its database, so that every server sharing it (and a reader opening it
/// from its connection string alone) sees the same tokens, witness state and evidence. Skipped when no PostgreSQL
/// server is installed.
/// </summary>
public sealed class PostgresLedgerSeamsTests(PostgresDatabase database) : LedgerSeamsContractTests, IClassFixture<PostgresDatabase>
{
    protected override StoreEngine Engine { get; } = new PostgresEngine(database);

    protected override bool Shared => true;

    [Fact]
    public async Task Evidence_KeptInTheDatabase_ReadFromTheConnectionStringAlone()
    {
        var connectionString = (await Engine.LedgerDatabaseAsync("in_db", Cancel))!;
        string sha;
        string token;
        await using (var ledger = await CreateAsync("in_db"))
        {
            using var content = new MemoryStream("%PDF-1.4 evidence kept in the database"u8.ToArray());
            sha = await ledger.Blobs.PutAsync(content, Cancel);
            token = (await ledger.Tokens.CreateAsync(new PartyId("us"), AccessRole.Party, DateTimeOffset.UnixEpoch, Cancel)).Token;
        }

        // Nothing in the folder or in a temporary one: a second server on another machine finds the same files.
        Assert.False(Directory.Exists(Path.Combine(PathOf("in_db"), "blobs")));
        Assert.False(File.Exists(Path.Combine(PathOf("in_db"), TokenFile.FileName)));
        await using var reader = await LedgerFolder.OpenAsync(connectionString, Cancel);
        Assert.IsType<PostgresBlobStore>(reader.Blobs);
        Assert.True(await reader.Blobs.ContainsAsync(sha, Cancel));
        Assert.NotNull((await reader.Tokens.FindAsync(token, Cancel)).Token);
    }

    [Fact]
    public async Task Open_FolderAnEarlierVersionServed_TokensAndWitnessStateCarriedIntoTheDatabaseOnce()
    {
        await using (await CreateAsync("upgraded"))
        {
        }

        // What an earlier version left in the folder: tokens.json and witness-state.json.
        var earlier = new AccessTokens(TokenFile.InFolder(PathOf("upgraded")));
        var (kept, token) = await earlier.CreateAsync(new PartyId("us"), AccessRole.Party, DateTimeOffset.UnixEpoch, Cancel);
        var (revoked, _) = await earlier.CreateAsync(new PartyId("mx"), AccessRole.Party, DateTimeOffset.UnixEpoch, Cancel);
        await earlier.RevokeAsync(revoked.Id, DateTimeOffset.UnixEpoch.AddDays(1), Cancel);
        var cosigned = new Core.Transparency.Witnessing.CosignedTreeHead(7, Core.Transparency.Hashing.Rfc6962.HashLeaf([7]));
        await WitnessStateFile.InFolder(PathOf("upgraded")).TryReplaceAsync("log.example/one", null, cosigned, Cancel);

        await using (var first = await LedgerFolder.OpenAsync(PathOf("upgraded"), Cancel))
        {
            Assert.Equal(kept.Id, (await first.Tokens.FindAsync(token, Cancel)).Token?.Id);
            Assert.Equal(cosigned, await first.WitnessState.GetAsync("log.example/one", Cancel));
        }

        // Opened again (or by a second server): nothing imported twice, and what the database holds wins.
        await using var second = await LedgerFolder.OpenAsync(PathOf("upgraded"), Cancel);
        var listed = await second.Tokens.ListAsync(Cancel);
        Assert.Equal([kept.Id, revoked.Id], listed.Select(t => t.Id));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(1), listed[1].RevokedAt);
    }

    [Fact]
    public async Task Evidence_ChangedInTheDatabase_ReadingItFails()
    {
        string sha;
        await using (var ledger = await CreateAsync("tampered"))
        {
            using var content = new MemoryStream("original evidence"u8.ToArray());
            sha = await ledger.Blobs.PutAsync(content, Cancel);
        }

        await using (var connection = (NpgsqlConnection)await Engine.ConnectAsync("tampered", Cancel))
        await using (var command = new NpgsqlCommand("UPDATE evidence_blobs SET content = @content", connection))
        {
            command.Parameters.AddWithValue("content", "changed evidence!"u8.ToArray());
            await command.ExecuteNonQueryAsync(Cancel);
        }

        await using var reopened = await LedgerFolder.OpenAsync(PathOf("tampered"), Cancel);
        await using var read = await reopened.Blobs.OpenReadAsync(sha, Cancel);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => read!.CopyToAsync(Stream.Null, Cancel));
        Assert.Contains(sha, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_LargerThanTheDatabaseBound_RefusedAndNothingStored()
    {
        await using var ledger = await CreateAsync("too_large");
        Assert.Equal(PostgresBlobStore.MaxSize, ledger.Blobs.MaxBlobSize);
        using var content = new MemoryStream(new byte[PostgresBlobStore.MaxSize + 1]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ledger.Blobs.PutAsync(content, Cancel));

        Assert.Contains("evidence folder", error.Message, StringComparison.Ordinal);
        await using var connection = (NpgsqlConnection)await Engine.ConnectAsync("too_large", Cancel);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM evidence_blobs", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync(Cancel));
    }

    /// <summary>The rows of <c>evidence_blobs</c>, each claimed while its <c>claim</c> column is set.</summary>
    protected override async Task<IReadOnlyList<(string Sha256, bool Claimed)>> StoredEvidenceAsync(string name)
    {
        await using var connection = (NpgsqlConnection)await Engine.ConnectAsync(name, Cancel);
        await using var rows = new NpgsqlCommand("SELECT sha256, claim FROM evidence_blobs ORDER BY sha256 COLLATE \"C\"", connection);
        var found = new List<(string Sha256, bool Claimed)>();
        await using var reader = await rows.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            found.Add((reader.GetString(0), !reader.IsDBNull(1)));
        }

        return found;
    }
}
