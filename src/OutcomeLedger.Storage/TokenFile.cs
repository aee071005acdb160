using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Storage;

/// <summary>
/// The token store of a ledger folder: <c>tokens.json</c>, owner-only, holding only SHA-256 hashes of the tokens,
/// changed under an inter-process lock and replaced atomically (<see cref="SharedFile"/>), and read again whenever it
/// changed (a revocation by <c>outcomes token revoke</c> reaches a running server at its next request).
/// </summary>
public sealed class TokenFile(string path) : ITokenStore
{
    public const string FileName = "tokens.json";

    // One process may hold several TokenFiles of one folder (the server and a test, say): they write in turn, and
    // wait on each other here rather than on the file lock.
    static readonly SemaphoreSlim Writing = new(1, 1);

    readonly Lock _lock = new();
    ((ulong, DateTime, long) Version, IReadOnlyList<AccessToken> Tokens)? _cache;

    public string Path { get; } = path;

    public static TokenFile InFolder(string ledgerFolder) => new(System.IO.Path.Combine(ledgerFolder, FileName));

    public Task<IReadOnlyList<AccessToken>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(Load());

    public Task<AccessToken?> FindAsync(string sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        var wanted = Encoding.ASCII.GetBytes(sha256);
        // Every stored hash is compared, in constant time each: the answer's timing tells nothing about near misses.
        AccessToken? match = null;
        foreach (var token in Load())
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token.Sha256), wanted))
            {
                match = token;
            }
        }

        return Task.FromResult(match);
    }

    public async Task AddAsync(AccessToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await Writing.WaitAsync(cancellationToken);
        try
        {
            using var locked = await SharedFile.LockAsync(Path, cancellationToken);
            var tokens = Load();
            if (tokens.Any(t => t.Id == token.Id))
            {
                throw new InvalidOperationException($"a token with id {token.Id} already exists");
            }

            Save([.. tokens, token]);
        }
        finally
        {
            Writing.Release();
        }
    }

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await Writing.WaitAsync(cancellationToken);
        try
        {
            using var locked = await SharedFile.LockAsync(Path, cancellationToken);
            var tokens = Load().ToList();
            var index = tokens.FindIndex(t => t.Id == id);
            if (index < 0)
            {
                return false;
            }

            tokens[index] = tokens[index] with { RevokedAt = tokens[index].RevokedAt ?? at };
            Save(tokens);
            return true;
        }
        finally
        {
            Writing.Release();
        }
    }

    IReadOnlyList<AccessToken> Load()
    {
        lock (_lock)
        {
            if (SharedFile.Version(Path) is not { } version)
            {
                return [];
            }

            if (_cache is { } cached && cached.Version == version)
            {
                return cached.Tokens;
            }

            var tokens = JsonSerializer.Deserialize(File.ReadAllBytes(Path), (JsonTypeInfo<List<AccessToken>>)Json.GetTypeInfo(typeof(List<AccessToken>))) ?? [];
            _cache = (version, tokens);
            return tokens;
        }
    }

    void Save(IReadOnlyList<AccessToken> tokens)
    {
        lock (_lock)
        {
            SharedFile.Replace(Path, JsonSerializer.SerializeToUtf8Bytes(tokens, (JsonTypeInfo<IReadOnlyList<AccessToken>>)Json.GetTypeInfo(typeof(IReadOnlyList<AccessToken>))));
            _cache = null;
        }
    }

    // The records' JSON form (camelCase, ids and times as the records write them) with generated metadata.
    static readonly JsonSerializerOptions Json = new(RecordJson.Options)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        TypeInfoResolver = StorageJson.Default,
        Converters = { RecordJson.EnumConverter<AccessRole>() },
    };
}
