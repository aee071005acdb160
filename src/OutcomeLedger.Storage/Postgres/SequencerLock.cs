using Npgsql;

namespace OutcomeLedger.Storage.Postgres;

/// <summary>
/// The sequencer lock of a shared ledger, held: a session-level advisory lock on a connection of its own, which also
/// listens for newly queued entries. The lock lives exactly as long as that session, so a server that dies (even by
/// SIGKILL) releases it when PostgreSQL sees its connection close, and another server can take over.
/// </summary>
public sealed class SequencerLock : QueueListener
{
    SequencerLock(NpgsqlConnection connection)
        : base(connection)
    {
    }

    /// <summary>Takes the lock if no other session holds it; null when another server sequences.</summary>
    internal static async Task<SequencerLock?> TryTakeAsync(string connectionString, CancellationToken cancellationToken)
    {
        // The application name says which process sequences (pg_stat_activity joined with pg_locks).
        var connection = await PostgresEntryQueue.OpenSessionAsync(connectionString, $"outcomes sequencer {Environment.ProcessId}", cancellationToken);
        try
        {
            // One lock per ledger: ledgers in different schemas of one database do not block each other.
            await using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({PostgresEntryQueue.LockClass}, hashtext(current_schema()))", connection);
            if (await take.ExecuteScalarAsync(cancellationToken) is not true)
            {
                await connection.DisposeAsync();
                return null;
            }

            await ListenAsync(connection, PostgresEntryQueue.PendingChannel, cancellationToken);
            return new SequencerLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
