using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Access;

/// <summary>
/// The API tokens of a ledger: <c>tokens.json</c> in the ledger folder, holding only SHA-256 hashes of the tokens.
/// Tokens are <c>olt_</c> + id + <c>_</c> + 32 random bytes (base64url); the id lets an operator revoke one by name.
/// </summary>
public sealed class TokenFile(string path)
{
    public const string FileName = "tokens.json";
    public const string Prefix = "olt_";
    const int MaxTokenLength = 256;

    readonly Lock _lock = new();
    (DateTime Written, IReadOnlyList<AccessToken> Tokens)? _cache;

    public string Path { get; } = path;

    public static TokenFile InFolder(string ledgerFolder) => new(System.IO.Path.Combine(ledgerFolder, FileName));

    public IReadOnlyList<AccessToken> Load()
    {
        lock (_lock)
        {
            if (!File.Exists(Path))
            {
                return [];
            }

            var written = File.GetLastWriteTimeUtc(Path);
            if (_cache is { } cached && cached.Written == written)
            {
                return cached.Tokens;
            }

            var tokens = JsonSerializer.Deserialize<List<AccessToken>>(File.ReadAllBytes(Path), Json) ?? [];
            _cache = (written, tokens);
            return tokens;
        }
    }

    /// <summary>Creates a token and stores its hash; returns the token text, to be shown once.</summary>
    public (AccessToken Stored, string Token) Create(PartyId party, AccessRole role, DateTimeOffset now)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = Prefix + id + "_" + secret;
        var stored = new AccessToken(id, party, role, HashOf(token), now);
        Save([.. Load(), stored]);
        return (stored, token);
    }

    /// <summary>Marks a token revoked by its id; false if there is no such token.</summary>
    public bool Revoke(string id, DateTimeOffset now)
    {
        var tokens = Load().ToList();
        var index = tokens.FindIndex(t => t.Id == id);
        if (index < 0)
        {
            return false;
        }

        tokens[index] = tokens[index] with { RevokedAt = tokens[index].RevokedAt ?? now };
        Save(tokens);
        return true;
    }

    /// <summary>The live token whose hash matches the presented text, or null (unknown, malformed or revoked).</summary>
    public AccessToken? Find(string presented, out string failure)
    {
        if (presented.Length is 0 or > MaxTokenLength || !presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            failure = "the bearer token is not an OutcomeLedger token";
            return null;
        }

        var hash = Encoding.ASCII.GetBytes(HashOf(presented));
        var match = Load().FirstOrDefault(t => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(t.Sha256), hash));
        if (match is null)
        {
            failure = "the bearer token is not known to this ledger";
            return null;
        }

        if (match.IsRevoked)
        {
            failure = $"token {match.Id} was revoked";
            return null;
        }

        failure = "";
        return match;
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    void Save(IReadOnlyList<AccessToken> tokens)
    {
        lock (_lock)
        {
            var temporary = Path + ".tmp";
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(tokens, Json));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, Path, overwrite: true);
            _cache = null;
        }
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static readonly JsonSerializerOptions Json = CreateJson();

    static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(RecordJson.Options) { WriteIndented = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };
        return options;
    }
}
