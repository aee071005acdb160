using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Storage.CrashHost;
using OutcomeLedger.Storage.Tests.Support;

namespace OutcomeLedger.Storage.Tests.Postgres;

/// <summary>
/// Issue 15, Deliver 4: a PostgreSQL ledger is backed up with pg_dump and restored with pg_restore into another database
/// (docs/deploy/backup.md): the restored ledger has the same checkpoint, verifies, keeps its evidence and takes writes.
/// Skipped when no PostgreSQL server is installed.
/// </summary>
public sealed class PostgresBackupTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("outcomes-pgdump-").FullName;

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task PgDumpThenPgRestore_IntoANewDatabase_SameCheckpointVerifiesAndTakesWrites()
    {
        var source = await database.ConnectionStringAsync(database.NewSchema("dumped"), Cancel);
        var schema = new NpgsqlConnectionStringBuilder(source).SearchPath!;
        using var history = new RandomHistory(7);
        Core.Storage.StoredCheckpoint before;
        string sha;
        await using (var ledger = await LedgerFolder.CreateAsync(Path.Combine(_folder, "ledger"), "pg.example/log", source, Cancel))
        {
            ledger.Clock = new TestClock(RandomHistory.Start);
            using var sequencer = await ledger.OpenSequencerAsync(Cancel);
            await sequencer.SubmitAsync(history.Take(20), Cancel);
            using var evidence = new MemoryStream("evidence kept in the database"u8.ToArray());
            sha = await ledger.Blobs.PutAsync(evidence, Cancel);
            before = (await ledger.Store.GetLatestCheckpointAsync(Cancel))!;
        }

        var pgDump = database.Cluster.Tool("pg_dump");
        var pgRestore = database.Cluster.Tool("pg_restore");
        Assert.SkipWhen(pgDump is null || pgRestore is null, "pg_dump or pg_restore not installed");
        var dump = Path.Combine(_folder, "ledger.dump");
        await RunAsync(pgDump!, "--format=custom", "--schema=" + schema, "--file=" + dump, "--dbname=" + Libpq(source));
        var restoredDatabase = "restored_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var admin = await database.Cluster.AdminConnectionStringAsync();
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {restoredDatabase} WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE {restoredDatabase}");
        try
        {
            var restored = new NpgsqlConnectionStringBuilder(source) { Database = restoredDatabase }.ConnectionString;
            await RunAsync(pgRestore!, "--dbname=" + Libpq(restored), dump);

            // The folder keeps the log key; its keys/database names the database: now the restored one.
            var folder = Path.Combine(_folder, "ledger");
            await File.WriteAllTextAsync(Path.Combine(folder, "keys", "database"), restored + "\n", Cancel);
            await using var ledger = await LedgerFolder.OpenAsync(folder, Cancel);
            Assert.Equal(before, await ledger.Store.GetLatestCheckpointAsync(Cancel));
            Assert.True((await LogVerifier.VerifyAsync(ledger.Store, ledger.LogVerifierKey.CreateVerifier(), null, Cancel)).IsValid);
            Assert.True(await ledger.Blobs.ContainsAsync(sha, Cancel));
            ledger.Clock = new TestClock(RandomHistory.Start.AddMinutes(1));
            using var sequencer = await ledger.OpenSequencerAsync(Cancel);
            Assert.All(await sequencer.SubmitAsync(history.Take(3), Cancel), r => Assert.True(r.IsLogged, string.Join("; ", r.Errors)));
            Assert.Equal(before.Size + 3, sequencer.Size);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {restoredDatabase} WITH (FORCE)");
        }
    }

    // libpq's keyword form of the same connection (pg_dump and pg_restore do not read Npgsql's).
    static string Libpq(string connectionString)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Create(CultureInfo.InvariantCulture, $"host={npgsql.Host} port={npgsql.Port} user={npgsql.Username} dbname={npgsql.Database}");
    }

    static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(Cancel);
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} exited with {process.ExitCode}: {await error}{await output}");
    }
}
