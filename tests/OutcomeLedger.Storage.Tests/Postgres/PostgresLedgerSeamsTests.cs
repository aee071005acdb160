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
}
