using System.Data.Common;

namespace OutcomeLedger.Storage.Tests.Support;

/// <summary>
/// One database engine under test: opens named stores (the same name reopens the same database), gives a plain
/// connection beneath the store for tampering, and says where a ledger folder keeps its data.
/// </summary>
public abstract class StoreEngine : IAsyncDisposable
{
    public abstract string Name { get; }

    /// <summary>Opens the store called <paramref name="name"/>, creating its database on first use.</summary>
    public abstract Task<RelationalLogStore> OpenAsync(string name, CancellationToken cancellationToken);

    /// <summary>A plain connection to the database of store <paramref name="name"/>, bypassing the store.</summary>
    public abstract Task<DbConnection> ConnectAsync(string name, CancellationToken cancellationToken);

    /// <summary>The names of the indexes on <paramref name="table"/> in the database of store <paramref name="name"/>, read from the engine's catalogue.</summary>
    public async Task<IReadOnlyList<string>> IndexNamesAsync(string name, string table, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(name, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = IndexNamesSql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The catalogue query behind <see cref="IndexNamesAsync"/>: index names of the table <c>@table</c>, one a row.</summary>
    protected abstract string IndexNamesSql { get; }

    /// <summary>The connection string a ledger folder's <c>keys/database</c> holds, or null for SQLite.</summary>
    public abstract Task<string?> LedgerDatabaseAsync(string name, CancellationToken cancellationToken);

    /// <summary>The schema versions this engine's migrations create, in order.</summary>
    public virtual IReadOnlyList<long> MigrationVersions => [1, 2, 3];

    /// <summary>A fresh empty folder for this engine's files, deleted with the engine.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("outcomes-store-").FullName;

    public virtual ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
