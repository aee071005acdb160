using System.Globalization;
using Npgsql;

namespace OutcomeLedger.Storage.Tests.Postgres;

/// <summary>
/// One database per test class on the shared cluster, dropped when the class is done. Each store a test opens lives in
/// its own schema of that database (selected by the connection's search path), so tests never see each other's rows.
/// </summary>
public sealed class PostgresDatabase(PostgresCluster cluster) : IAsyncDisposable
{
    static int s_databases;
    int _schemas;
    string? _admin;
    string? _database;

    /// <summary>A connection string to this class's database whose search path is <paramref name="schema"/>, created on first use.</summary>
    public async Task<string> ConnectionStringAsync(string schema, CancellationToken cancellationToken)
    {
        if (_database is null)
        {
            _admin = await cluster.AdminConnectionStringAsync();
            var name = string.Create(CultureInfo.InvariantCulture, $"outcomes_test_{Environment.ProcessId}_{Interlocked.Increment(ref s_databases)}");
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            _database = name;
        }

        var builder = new NpgsqlConnectionStringBuilder(_admin) { Database = _database, SearchPath = schema };
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {schema}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return builder.ConnectionString;
    }

    public PostgresCluster Cluster => cluster;

    /// <summary>A schema name no other test of this class uses.</summary>
    public string NewSchema(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix}_{Interlocked.Increment(ref _schemas)}");

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
