using System.Text.Json;
using OutcomeLedger.Core.Access;
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

    LedgerFolder(string? path, RelationalLogStore store, string origin, VerifierKey logVerifier, IBatchSha256 sha256, string? evidenceFolder)
    {
        Path = path;
        Store = store;
        Origin = origin;
        LogVerifierKey = logVerifier;
        var postgres = store as PostgresLogStore;
        Blobs = EvidenceStore(path, postgres, evidenceFolder);
        Tokens = new AccessTokens(postgres is not null ? postgres.Tokens() : TokenFile.InFolder(RequirePath()));
        WitnessState = postgres is not null ? postgres.WitnessState() : WitnessStateFile.InFolder(RequirePath());
        if (postgres is not null)
        {
            var queue = postgres.Queue();
            SharedQueue = queue;
            SequencerLock = queue;
        }

        Session = new LedgerSession(new LedgerSessionOptions
        {
            Store = store,
            Evidence = Blobs,
            Origin = origin,
            LogVerifierKey = logVerifier,
            LogSigner = () => (_logKey ??= LoadLogKey()).CreateSigner(),
            Sha256 = sha256,
            Time = _clock,
            BeforeWrite = EnterWrite,
        });
    }

    LedgerWriterLock? _writer;

    // A SQLite folder has one writer at a time (LedgerWriterLock); a PostgreSQL ledger queues writes for its one sequencer.
    bool HasWriterLock => Path is not null && Store is Sqlite.SqliteLogStore;

    /// <summary>
    /// Takes a SQLite ledger folder for a server, for as long as this folder is open (waiting while commands finish their
    /// writes): until then, commands' writes to it are refused with one line naming the server. Nothing for PostgreSQL.
    /// </summary>
    public async Task HoldWriterAsync(CancellationToken cancellationToken)
    {
        if (HasWriterLock && _writer is not { IsExclusive: true })
        {
            _writer?.Dispose();
            _writer = null;
            _writer = await LedgerWriterLock.HoldAsync(RequirePath(), cancellationToken);
        }
    }

    /// <summary>Says in the folder which process serves it and at which addresses it takes writes (after <see cref="HoldWriterAsync"/>).</summary>
    public void AnnounceWriter(IReadOnlyList<string> urls)
    {
        if (_writer is { IsExclusive: true } held)
        {
            held.Announce(urls);
        }
    }

    // Before this folder's first write: a command writes beside other commands, never under a server.
    void EnterWrite()
    {
        if (HasWriterLock && _writer is null)
        {
            _writer = LedgerWriterLock.Enter(RequirePath());
        }
    }

    readonly SettableClock _clock = new();

    /// <summary>
    /// The clock records are dated by and the sequencer logs by (the system's unless a host or a test sets another
    /// before writing): each batch's checkpoint states its time, and entries too far from it are refused.
    /// </summary>
    public TimeProvider Clock
    {
        get => _clock.Inner;
        set => _clock.Inner = value ?? throw new ArgumentNullException(nameof(value));
    }

    // The session is built once; the clock it reads can still be chosen before the first write.
    sealed class SettableClock : TimeProvider
    {
        public TimeProvider Inner { get; set; } = System;

        public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow();

        public override long GetTimestamp() => Inner.GetTimestamp();

        public override long TimestampFrequency => Inner.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => Inner.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            Inner.CreateTimer(callback, state, dueTime, period);
    }

    string RequirePath() => Path ?? throw new InvalidOperationException("a SQLite ledger is always opened from its folder");

    // An evidence folder when one is configured; a SQLite ledger's own blobs/ folder; a PostgreSQL ledger's database,
    // except a ledger folder whose blobs/ an earlier version filled, which keeps being read and written there.
    static IBlobStore EvidenceStore(string? path, PostgresLogStore? postgres, string? evidenceFolder)
    {
        if (evidenceFolder is not null)
        {
            return new BlobStore(path is null ? System.IO.Path.GetFullPath(evidenceFolder) : System.IO.Path.Combine(path, evidenceFolder));
        }

        var folderBlobs = path is null ? null : System.IO.Path.Combine(path, "blobs");
        return postgres is null || (folderBlobs is not null && Directory.Exists(folderBlobs))
            ? new BlobStore(folderBlobs ?? throw new InvalidOperationException("a SQLite ledger is always opened from its folder"))
            : postgres.Blobs();
    }

    /// <summary>Whether several servers may serve this ledger at once (a shared database): one sequences, the others submit through it.</summary>
    public bool IsShared => SharedQueue is not null;

    /// <summary>The durable queue in front of the sequencer of a shared ledger; null for a ledger one process serves (SQLite).</summary>
    public IEntryQueue? SharedQueue { get; }

    /// <summary>The election of a shared ledger's one sequencer; null for a ledger one process serves (SQLite).</summary>
    public ISequencerLock? SequencerLock { get; }

    /// <summary>The ledger's API tokens: <c>tokens.json</c> in a ledger folder, a table in a PostgreSQL ledger's database.</summary>
    public AccessTokens Tokens { get; }

    /// <summary>What this ledger's witness cosigned last: <c>witness-state.json</c> in a folder, a table in PostgreSQL.</summary>
    public IWitnessState WitnessState { get; }

    /// <summary>The use cases on this ledger: what the CLI and the API call.</summary>
    public LedgerSession Session { get; }

    /// <summary>The folder, or null for a ledger opened from a connection string.</summary>
    public string? Path { get; }

    public RelationalLogStore Store { get; }

    public string Origin { get; }

    public VerifierKey LogVerifierKey { get; }

    /// <summary>The evidence files: a folder (the ledger's <c>blobs/</c> or a configured one) or a PostgreSQL ledger's database.</summary>
    public IBlobStore Blobs { get; }

    public string KeysPath => System.IO.Path.Combine(Path ?? throw new InvalidOperationException("this ledger was opened without its folder"), "keys");

    public static bool LooksLikeConnectionString(string value) =>
        value.Contains('=', StringComparison.Ordinal) && (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.Contains("Server=", StringComparison.OrdinalIgnoreCase));

    /// <summary>Creates a new ledger folder with a new log key; the folder must not exist or be empty.</summary>
    public static Task<LedgerFolder> CreateAsync(string path, string origin, string? postgres, CancellationToken cancellationToken) =>
        CreateAsync(path, origin, postgres, PlatformBatchSha256.Instance, cancellationToken);

    /// <summary>As the overload without it, with a session that hashes in batches with <paramref name="sha256"/>.</summary>
    public static Task<LedgerFolder> CreateAsync(string path, string origin, string? postgres, IBatchSha256 sha256, CancellationToken cancellationToken) =>
        CreateAsync(path, origin, postgres, sha256, evidenceFolder: null, cancellationToken);

    /// <summary>
    /// As the overload without it, keeping evidence files in <paramref name="evidenceFolder"/> (relative to the ledger
    /// folder, or absolute) rather than in <c>blobs/</c> or, for PostgreSQL, in the database. The choice is recorded in
    /// <c>ledger.json</c>.
    /// </summary>
    public static async Task<LedgerFolder> CreateAsync(string path, string origin, string? postgres, IBatchSha256 sha256, string? evidenceFolder, CancellationToken cancellationToken)
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

        var config = new LedgerConfig(1, origin, postgres is null ? "sqlite" : "postgres", evidenceFolder);
        await File.WriteAllTextAsync(System.IO.Path.Combine(path, ConfigFile), JsonSerializer.Serialize(config, LedgerConfigJson.Default.LedgerConfig) + "\n", cancellationToken);
        var store = await OpenStoreAsync(postgres, postgres is null ? System.IO.Path.Combine(path, DatabaseFile) : null, cancellationToken);
        await store.SetMetaAsync("origin", origin, cancellationToken);
        await store.SetMetaAsync("log_vkey", logKey.VerifierKey.ToString(), cancellationToken);
        return new LedgerFolder(path, store, origin, logKey.VerifierKey, sha256, evidenceFolder);
    }

    /// <summary>Opens a ledger folder, or a PostgreSQL ledger by connection string (read-only use unless a log key is given).</summary>
    public static Task<LedgerFolder> OpenAsync(string pathOrConnection, CancellationToken cancellationToken) =>
        OpenAsync(pathOrConnection, PlatformBatchSha256.Instance, cancellationToken);

    /// <summary>As the overload without it, with a session that hashes in batches with <paramref name="sha256"/>.</summary>
    public static Task<LedgerFolder> OpenAsync(string pathOrConnection, IBatchSha256 sha256, CancellationToken cancellationToken) =>
        OpenAsync(pathOrConnection, sha256, evidenceFolder: null, cancellationToken);

    /// <summary>
    /// As the overload without it, with evidence files in <paramref name="evidenceFolder"/> when given (it overrides the
    /// folder <c>ledger.json</c> names). A database that cannot be reached is a <see cref="LedgerStoreUnavailableException"/>.
    /// </summary>
    public static async Task<LedgerFolder> OpenAsync(string pathOrConnection, IBatchSha256 sha256, string? evidenceFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        ArgumentException.ThrowIfNullOrEmpty(pathOrConnection);
        if (LooksLikeConnectionString(pathOrConnection))
        {
            var pg = await OpenStoreAsync(pathOrConnection, null, cancellationToken);
            return await FromStoreAsync(null, pg, sha256, evidenceFolder is null ? null : System.IO.Path.GetFullPath(evidenceFolder), cancellationToken);
        }

        var configPath = System.IO.Path.Combine(pathOrConnection, ConfigFile);
        if (!File.Exists(configPath))
        {
            throw new DirectoryNotFoundException($"'{pathOrConnection}' is not a ledger folder (no {ConfigFile}); create one with 'outcomes init'");
        }

        var config = JsonSerializer.Deserialize(await File.ReadAllTextAsync(configPath, cancellationToken), LedgerConfigJson.Default.LedgerConfig)
            ?? throw new InvalidDataException($"{configPath} is empty");
        RelationalLogStore store = config.Database switch
        {
            "sqlite" => await OpenStoreAsync(null, System.IO.Path.Combine(pathOrConnection, DatabaseFile), cancellationToken),
            "postgres" => await OpenStoreAsync(KeyFile.ReadSecret(System.IO.Path.Combine(pathOrConnection, "keys", "database")), null, cancellationToken),
            _ => throw new InvalidDataException($"{configPath}: unknown database '{config.Database}'"),
        };
        var evidence = evidenceFolder is null ? config.Evidence : System.IO.Path.GetFullPath(evidenceFolder);
        return await FromStoreAsync(pathOrConnection, store, sha256, evidence, cancellationToken);
    }

    // Each engine's failure to open becomes the one exception hosts catch (LedgerStoreUnavailableException).
    static async Task<RelationalLogStore> OpenStoreAsync(string? postgres, string? sqliteFile, CancellationToken cancellationToken)
    {
        if (postgres is not null)
        {
            return await PostgresLogStore.OpenAsync(postgres, cancellationToken);
        }

        try
        {
            return await SqliteLogStore.OpenAsync(sqliteFile!, cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            throw new LedgerStoreUnavailableException($"the SQLite database '{sqliteFile}' cannot be opened: {e.Message}", e);
        }
    }

    static async Task<LedgerFolder> FromStoreAsync(string? path, RelationalLogStore store, IBatchSha256 sha256, string? evidenceFolder, CancellationToken cancellationToken)
    {
        var origin = await store.GetMetaAsync("origin", cancellationToken);
        var vkey = await store.GetMetaAsync("log_vkey", cancellationToken);
        if (origin is null || vkey is null || !VerifierKey.TryParse(vkey, out var verifier, out _))
        {
            await store.DisposeAsync();
            throw new InvalidDataException("the database is not an initialised OutcomeLedger ledger (no origin or log key recorded)");
        }

        var ledger = new LedgerFolder(path, store, origin, verifier, sha256, evidenceFolder);
        if (path is not null && store is PostgresLogStore postgres)
        {
            try
            {
                await ImportEarlierFilesAsync(path, postgres, cancellationToken);
            }
            catch
            {
                await ledger.DisposeAsync();
                throw;
            }
        }

        return ledger;
    }

    // Earlier versions kept a PostgreSQL ledger's tokens and witness state in files in its folder. They are carried into
    // the database (what is already there wins, so this is idempotent and safe for several servers starting at once),
    // so upgrading keeps every token working and the witness never cosigns below what it cosigned before.
    static async Task ImportEarlierFilesAsync(string path, PostgresLogStore postgres, CancellationToken cancellationToken)
    {
        var tokens = TokenFile.InFolder(path);
        if (File.Exists(tokens.Path))
        {
            await postgres.Tokens().ImportAsync(await tokens.ListAsync(cancellationToken), cancellationToken);
        }

        var witness = WitnessStateFile.InFolder(path);
        if (File.Exists(witness.Path))
        {
            var state = postgres.WitnessState();
            foreach (var (origin, checkpoint) in await witness.ReadAllAsync(cancellationToken))
            {
                await state.TryReplaceAsync(origin, null, checkpoint, cancellationToken);
            }
        }
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

    /// <summary>The file in a ledger folder listing the verifier keys of the logs its witness cosigns, one a line.</summary>
    public const string WitnessedLogsFile = "witness-logs.txt";

    /// <summary>
    /// The witness's private key, <c>keys/witness.key</c> (made on first use); null for a ledger opened without its
    /// folder, which then witnesses nothing. The caller owns the key.
    /// </summary>
    public SignerKey? OpenWitnessKey()
    {
        if (Path is null)
        {
            return null;
        }

        var keyPath = System.IO.Path.Combine(KeysPath, "witness.key");
        if (!File.Exists(keyPath))
        {
            using var created = SignerKey.Generate(Origin + "/witness", NoteKeyType.CosignatureV1);
            KeyFile.WriteSecret(keyPath, created.FormatPrivate());
        }

        return SignerKey.TryParse(KeyFile.ReadSecret(keyPath), out var key, out var error)
            ? key
            : throw new InvalidDataException($"{keyPath}: {error.Message}");
    }

    /// <summary>The verifier keys of the logs this ledger's witness cosigns (<see cref="WitnessedLogsFile"/>; none without a folder).</summary>
    public async Task<IReadOnlyList<VerifierKey>> WitnessedLogsAsync(CancellationToken cancellationToken)
    {
        var file = Path is null ? null : System.IO.Path.Combine(Path, WitnessedLogsFile);
        if (file is null || !File.Exists(file))
        {
            return [];
        }

        var keys = new List<VerifierKey>();
        foreach (var line in (await File.ReadAllLinesAsync(file, cancellationToken)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (!VerifierKey.TryParse(line, out var key, out var error))
            {
                throw new InvalidDataException($"{file}: {error.Message}");
            }

            keys.Add(key);
        }

        return keys;
    }

    /// <summary>Opens the sequencer with the log key: the one writer of this ledger. The key lives as long as this folder.</summary>
    public async Task<Sequencer> OpenSequencerAsync(CancellationToken cancellationToken)
    {
        EnterWrite();
        _logKey ??= LoadLogKey();
        return await Sequencer.OpenAsync(Store, _logKey.CreateSigner(), Origin, _clock, cancellationToken);
    }


    public async ValueTask DisposeAsync()
    {
        Session.Dispose();
        _logKey?.Dispose();
        await Store.DisposeAsync();

        // Once the database is closed: the next writer finds everything this one wrote.
        _writer?.Dispose();
    }

}
