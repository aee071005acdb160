using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OutcomeLedger.Storage.Tests.Postgres;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by <c>OUTCOMES_TEST_POSTGRES</c> (an admin connection string),
/// or a throwaway cluster this fixture creates with the installed server binaries, listening only on a unix socket in
/// a temporary folder, and deletes at the end. Started on first use, so SQLite-only runs pay nothing.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string EnvironmentVariable = "OUTCOMES_TEST_POSTGRES";

    readonly SemaphoreSlim _gate = new(1, 1);
    string? _folder;
    string? _binaries;
    string? _adminConnectionString;
    string? _skipReason;
    bool _started;

    /// <summary>A client program of the server's version (pg_dump, pg_restore), after the server started; null if none was found.</summary>
    public string? Tool(string name) =>
        _binaries is not null && File.Exists(Path.Combine(_binaries, name)) ? Path.Combine(_binaries, name)
        : File.Exists(Path.Combine("/usr/bin", name)) ? Path.Combine("/usr/bin", name)
        : null;

    /// <summary>An admin connection string, or a skip if no server can be had (the reason names what is missing).</summary>
    public async Task<string> AdminConnectionStringAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_started)
            {
                _started = true;
                await StartAsync();
            }
        }
        finally
        {
            _gate.Release();
        }

        if (_skipReason is not null)
        {
            Assert.Skip(_skipReason);
        }

        return _adminConnectionString!;
    }

    async Task StartAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            _adminConnectionString = fromEnvironment;
            return;
        }

        _binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (_binaries is null)
        {
            _skipReason = $"PostgreSQL server not installed: no /usr/lib/postgresql/*/bin/initdb and pg_ctl (or set {EnvironmentVariable})";
            return;
        }

        _folder = Directory.CreateTempSubdirectory("outcomes-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres:postgres", _folder], asPostgres: false);
        }

        var data = Path.Combine(_folder, "data");
        await RunAsync(Path.Combine(_binaries, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"], asRoot);
        var port = FreePort();
        var options = $"-c listen_addresses='' -c unix_socket_directories='{_folder}' -p {port} -c fsync=off -c max_connections=200";
        await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], asRoot);
        _adminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = _folder,
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
    }

    // Only the socket file's name carries the port, but a port free on loopback keeps two runs apart.
    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var message = await error + await output;
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(program)} exited with {process.ExitCode}: {message}"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null && _binaries is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
            }
            finally
            {
                Directory.Delete(_folder, recursive: true);
            }
        }

        _gate.Dispose();
    }
}
