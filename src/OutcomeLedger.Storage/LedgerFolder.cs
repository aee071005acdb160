using System.Text.Json;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Storage.Postgres;
using OutcomeLedger.Storage.Sqlite;

namespace OutcomeLedger.Storage;

/// <summary>
/// A ledger on disk: one folder with <c>ledger.json</c>, the SQLite database (or the PostgreSQL connection string),
/// the evidence blobs and the private keys (owner-only). A PostgreSQL ledger can also be opened for reading from its
/// connection string alone: its origin and log verifier key are kept in the database.
/// </summary>
public sealed class LedgerFolder : IAsyncDisposable
{
    public const string ConfigFile = "ledger.json";
    public const string DatabaseFile = "ledger.db";

    SignerKey? _logKey;

    LedgerFolder(string? path, RelationalLogStore store, string origin, VerifierKey logVerifier, IBatchSha256 sha256)
    {
        Path = path;
        Store = store;
        Origin = origin;
        LogVerifierKey = logVerifier;
        Blobs = new BlobStore(path is null ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "outcomes-blobs") : System.IO.Path.Combine(path, "blobs"));
        Session = new LedgerSession(new LedgerSessionOptions
        {
            Store = store,
            Evidence = Blobs,
            Origin = origin,
            LogVerifierKey = logVerifier,
            LogSigner = () => (_logKey ??= LoadLogKey()).CreateSigner(),
            Sha256 = sha256,
        });
    }

    /// <summary>Whether several servers may serve this ledger at once (a shared database): one sequences, the others submit through it.</summary>
    public bool IsShared => Store is PostgresLogStore;

    /// <summary>The use cases on this ledger: what the CLI and the API call.</summary>
    public LedgerSession Session { get; }

    /// <summary>The folder, or null for a ledger opened from a connection string.</summary>
    public string? Path { get; }

    public RelationalLogStore Store { get; }

    public string Origin { get; }

    public VerifierKey LogVerifierKey { get; }

    public BlobStore Blobs { get; }

    public string KeysPath => System.IO.Path.Combine(Path ?? throw new InvalidOperationException("this ledger was opened without its folder"), "keys");

    public static bool LooksLikeConnectionString(string value) =>
        value.Contains('=', StringComparison.Ordinal) && (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.Contains("Server=", StringComparison.OrdinalIgnoreCase));

    /// <summary>Creates a new ledger folder with a new log key; the folder must not exist or be empty.</summary>
    public static Task<LedgerFolder> CreateAsync(string path, string origin, string? postgres, CancellationToken cancellationToken) =>
        CreateAsync(path, origin, postgres, PlatformBatchSha256.Instance, cancellationToken);

    /// <summary>As the overload without it, with a session that hashes in batches with <paramref name="sha256"/>.</summary>
    public static async Task<LedgerFolder> CreateAsync(string path, string origin, string? postgres, IBatchSha256 sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!NoteKeyName.IsValid(origin))
        {
            throw new ArgumentException($"'{origin}' is not a valid log origin (a non-empty name without spaces or '+')", nameof(origin));
        }

        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            throw new IOException($"'{path}' already exists and is not empty");
        }

        Directory.CreateDirectory(path);
        var keys = System.IO.Path.Combine(path, "keys");
        Directory.CreateDirectory(keys);
        using var logKey = SignerKey.Generate(origin);
        KeyFile.WriteSecret(System.IO.Path.Combine(keys, "log.key"), logKey.FormatPrivate());
        await File.WriteAllTextAsync(System.IO.Path.Combine(keys, "log.vkey"), logKey.VerifierKey + "\n", cancellationToken);
        if (postgres is not null)
        {
            KeyFile.WriteSecret(System.IO.Path.Combine(keys, "database"), postgres);
        }

        var config = new LedgerConfig(1, origin, postgres is null ? "sqlite" : "postgres");
        await File.WriteAllTextAsync(System.IO.Path.Combine(path, ConfigFile), JsonSerializer.Serialize(config, ConfigJson) + "\n", cancellationToken);
        var store = postgres is null
            ? (RelationalLogStore)await SqliteLogStore.OpenAsync(System.IO.Path.Combine(path, DatabaseFile), cancellationToken)
            : await PostgresLogStore.OpenAsync(postgres, cancellationToken);
        await store.SetMetaAsync("origin", origin, cancellationToken);
        await store.SetMetaAsync("log_vkey", logKey.VerifierKey.ToString(), cancellationToken);
        return new LedgerFolder(path, store, origin, logKey.VerifierKey, sha256);
    }

    /// <summary>Opens a ledger folder, or a PostgreSQL ledger by connection string (read-only use unless a log key is given).</summary>
    public static Task<LedgerFolder> OpenAsync(string pathOrConnection, CancellationToken cancellationToken) =>
        OpenAsync(pathOrConnection, PlatformBatchSha256.Instance, cancellationToken);

    /// <summary>As the overload without it, with a session that hashes in batches with <paramref name="sha256"/>.</summary>
    public static async Task<LedgerFolder> OpenAsync(string pathOrConnection, IBatchSha256 sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        ArgumentException.ThrowIfNullOrEmpty(pathOrConnection);
        if (LooksLikeConnectionString(pathOrConnection))
        {
            var pg = await PostgresLogStore.OpenAsync(pathOrConnection, cancellationToken);
            return await FromStoreAsync(null, pg, sha256, cancellationToken);
        }

        var configPath = System.IO.Path.Combine(pathOrConnection, ConfigFile);
        if (!File.Exists(configPath))
        {
            throw new DirectoryNotFoundException($"'{pathOrConnection}' is not a ledger folder (no {ConfigFile}); create one with 'outcomes init'");
        }

        var config = JsonSerializer.Deserialize<LedgerConfig>(await File.ReadAllTextAsync(configPath, cancellationToken), ConfigJson)
            ?? throw new InvalidDataException($"{configPath} is empty");
        RelationalLogStore store = config.Database switch
        {
            "sqlite" => await SqliteLogStore.OpenAsync(System.IO.Path.Combine(pathOrConnection, DatabaseFile), cancellationToken),
            "postgres" => await PostgresLogStore.OpenAsync(KeyFile.ReadSecret(System.IO.Path.Combine(pathOrConnection, "keys", "database")), cancellationToken),
            _ => throw new InvalidDataException($"{configPath}: unknown database '{config.Database}'"),
        };
        return await FromStoreAsync(pathOrConnection, store, sha256, cancellationToken);
    }

    static async Task<LedgerFolder> FromStoreAsync(string? path, RelationalLogStore store, IBatchSha256 sha256, CancellationToken cancellationToken)
    {
        var origin = await store.GetMetaAsync("origin", cancellationToken);
        var vkey = await store.GetMetaAsync("log_vkey", cancellationToken);
        if (origin is null || vkey is null || !VerifierKey.TryParse(vkey, out var verifier, out _))
        {
            await store.DisposeAsync();
            throw new InvalidDataException("the database is not an initialised OutcomeLedger ledger (no origin or log key recorded)");
        }

        return new LedgerFolder(path, store, origin, verifier, sha256);
    }

    /// <summary>The log's private key: from <c>OUTCOMES_LOG_KEY</c>, or the folder's <c>keys/log.key</c>.</summary>
    public SignerKey LoadLogKey()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("OUTCOMES_LOG_KEY");
        var line = !string.IsNullOrEmpty(fromEnvironment) ? fromEnvironment : KeyFile.ReadSecret(System.IO.Path.Combine(KeysPath, "log.key"));
        if (!SignerKey.TryParse(line, out var key, out _))
        {
            throw new InvalidDataException("the log key is not a signed-note private key");
        }

        if (key.VerifierKey.ToString() != LogVerifierKey.ToString())
        {
            key.Dispose();
            throw new InvalidDataException("the log key does not match this ledger's log verifier key");
        }

        return key;
    }

    /// <summary>Opens the sequencer with the log key: the one writer of this ledger. The key lives as long as this folder.</summary>
    public async Task<Sequencer> OpenSequencerAsync(CancellationToken cancellationToken)
    {
        _logKey ??= LoadLogKey();
        return await Sequencer.OpenAsync(Store, _logKey.CreateSigner(), Origin, cancellationToken);
    }


    /// <summary>The ledger state at <paramref name="size"/> (the latest checkpoint when null), replayed from the log.</summary>
    public async Task<(LedgerState State, StoredCheckpoint? Checkpoint)> LoadStateAsync(ulong? size, CancellationToken cancellationToken)
    {
        var checkpoints = await Store.GetCheckpointsAsync(cancellationToken);
        var checkpoint = size is null ? (checkpoints.Count == 0 ? null : checkpoints[^1]) : checkpoints.FirstOrDefault(c => c.Size == size);
        if (size is not null && checkpoint is null)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"no checkpoint of size {size}; sizes with checkpoints: {string.Join(", ", checkpoints.TakeLast(10).Select(c => c.Size))}");
        }

        var state = await LedgerReplay.LoadAsync(Store, checkpoint?.Size ?? 0, recheck: false, null, cancellationToken);
        return (state, checkpoint);
    }

    public ValueTask DisposeAsync()
    {
        Session.Dispose();
        _logKey?.Dispose();
        return Store.DisposeAsync();
    }

    static readonly JsonSerializerOptions ConfigJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    sealed record LedgerConfig(int Format, string Origin, string Database);
}
