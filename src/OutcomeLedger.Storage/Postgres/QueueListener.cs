using Npgsql;
using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Storage.Postgres;

/// <summary>
/// A connection of its own that listens on one notification channel of the shared queue. Notifications only wake the
/// waiter early: callers poll on a timeout too, so a lost notification delays, never loses, an outcome.
/// </summary>
public class QueueListener : IQueueSignal
{
    readonly NpgsqlConnection _connection;

    protected QueueListener(NpgsqlConnection connection) => _connection = connection;

    internal static async Task<QueueListener> OpenAsync(string connectionString, string channel, CancellationToken cancellationToken)
    {
        var connection = await PostgresEntryQueue.OpenSessionAsync(connectionString, "outcomes listener", cancellationToken);
        try
        {
            await ListenAsync(connection, channel, cancellationToken);
            return new QueueListener(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal static async Task ListenAsync(NpgsqlConnection connection, string channel, CancellationToken cancellationToken)
    {
        // Channel names are our constants, never input: safe to splice.
        await using var command = new NpgsqlCommand($"LISTEN {channel}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Waits for a notification, at most <paramref name="timeout"/>; true if one came. Throws if the connection broke,
    /// so a waiter also learns that its session (and any lock it held) is gone.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var notified = await _connection.WaitAsync(timeout, cancellationToken);
        if (!notified)
        {
            // WaitAsync does not notice a dead server by itself within the timeout: ask.
            await using var ping = new NpgsqlCommand("SELECT 1", _connection);
            await ping.ExecuteScalarAsync(cancellationToken);
        }

        return notified;
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeAsyncCore() => _connection.DisposeAsync();
}
