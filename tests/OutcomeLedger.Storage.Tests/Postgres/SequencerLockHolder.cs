using System.Globalization;
using Npgsql;

namespace OutcomeLedger.Storage.Tests.Postgres;

/// <summary>
/// Which process holds the sequencer lock of the ledger at a connection string, read from PostgreSQL's own views
/// (the lock's session names its process: <c>outcomes sequencer &lt;pid&gt;</c>). For the scale-out tests, which run
/// servers as child processes and must see the election without an engine type of their own.
/// </summary>
public static class SequencerLockHolder
{
    /// <summary>The process id holding the lock once it is not <paramref name="not"/>; throws after a minute without one.</summary>
    public static async Task<int> WaitForAsync(string connectionString, int? not, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
                "WHERE l.locktype = 'advisory' AND l.classid = 7272 AND l.objsubid = 2 AND l.granted AND a.datname = current_database()", connection);
            if (await command.ExecuteScalarAsync(cancellationToken) is string name && name.StartsWith("outcomes sequencer ", StringComparison.Ordinal))
            {
                var pid = int.Parse(name["outcomes sequencer ".Length..], CultureInfo.InvariantCulture);
                if (pid != not)
                {
                    return pid;
                }
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("no server took the sequencer lock within a minute");
    }
}
