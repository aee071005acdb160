using System.Net.Sockets;
using Npgsql;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Storage.Postgres;

/// <summary>
/// Turns Npgsql's failures to reach or use the database into <see cref="LedgerStoreUnavailableException"/>, the one
/// exception hosts catch, so that no Npgsql type leaves Storage. A failure of a statement itself (a constraint, a bug)
/// is not the database being unavailable and passes through. Npgsql's messages name the host and user, never the
/// password; <see cref="Redact"/> removes it anyway wherever the connection string is known.
/// </summary>
internal static class PostgresErrors
{
    public static async Task<T> TranslateAsync<T>(Func<Task<T>> action, string? connectionString = null)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw new LedgerStoreUnavailableException(Redact($"the PostgreSQL database is unavailable: {Describe(e)}", connectionString), e);
        }
    }

    // Connection and authentication failures, a missing database or schema rights, a server shutting down.
    static bool IsUnavailable(Exception e) => e switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("28", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("3D", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || postgres.SqlState == PostgresErrorCodes.InsufficientPrivilege,
        NpgsqlException => true,
        SocketException => true,
        _ => false,
    };

    static string Describe(Exception e) => e switch
    {
        PostgresException postgres => $"{postgres.MessageText} ({postgres.SqlState})",
        _ when e.InnerException is SocketException socket => $"{e.Message} ({socket.Message})",
        _ => e.Message,
    };

    /// <summary>The message with the connection string's password, if any, blanked out.</summary>
    public static string Redact(string message, string? connectionString)
    {
        if (connectionString is null)
        {
            return message;
        }

        string? password;
        try
        {
            password = new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            return message;
        }

        return string.IsNullOrEmpty(password) ? message : message.Replace(password, "***", StringComparison.Ordinal);
    }
}
