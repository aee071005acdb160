using System.Globalization;
using System.Text.Json;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Storage;

/// <summary>
/// The witness state of a ledger folder: <c>witness-state.json</c>, <c>{"origin": "size base64-root"}</c>. The
/// compare-and-swap holds an inter-process lock and replaces the file atomically (<see cref="SharedFile"/>), so two
/// witness processes on one folder never both advance from the same state.
/// </summary>
public sealed class WitnessStateFile(string path) : IWitnessState
{
    public const string FileName = "witness-state.json";

    const int MaxFileSize = 1024 * 1024;

    static readonly SemaphoreSlim Gate = new(1, 1);

    public string Path { get; } = path;

    public static WitnessStateFile InFolder(string ledgerFolder) => new(System.IO.Path.Combine(ledgerFolder, FileName));

    public async Task<CosignedTreeHead?> GetAsync(string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return Parse(origin, await LoadAsync(cancellationToken));
    }

    /// <summary>Every origin's latest cosigned checkpoint in the file.</summary>
    public async Task<IReadOnlyDictionary<string, CosignedTreeHead>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var state = await LoadAsync(cancellationToken);
        return state.Keys.ToDictionary(origin => origin, origin => Parse(origin, state)!.Value, StringComparer.Ordinal);
    }

    public async Task<bool> TryReplaceAsync(string origin, CosignedTreeHead? expected, CosignedTreeHead next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            using var locked = await SharedFile.LockAsync(Path, cancellationToken);
            var state = await LoadAsync(cancellationToken);
            if (Parse(origin, state) != expected)
            {
                return false;
            }

            state[origin] = string.Create(CultureInfo.InvariantCulture, $"{next.Size} {next.Root.ToBase64()}");
            SharedFile.Replace(Path, JsonSerializer.SerializeToUtf8Bytes(state, StorageJson.Default.DictionaryStringString));
            return true;
        }
        finally
        {
            Gate.Release();
        }
    }

    CosignedTreeHead? Parse(string origin, Dictionary<string, string> state)
    {
        if (!state.TryGetValue(origin, out var stored))
        {
            return null;
        }

        var parts = stored.Split(' ');
        return parts.Length == 2 && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && Hash.TryParseBase64(parts[1], out var root)
            ? new CosignedTreeHead(size, root)
            : throw new InvalidDataException($"{Path}: the witness state for '{origin}' is corrupt");
    }

    async Task<Dictionary<string, string>> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        if (new FileInfo(Path).Length > MaxFileSize)
        {
            throw new InvalidDataException($"{Path}: too large to be a witness state file");
        }

        try
        {
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path, cancellationToken));
            var root = json.RootElement;
            // The single-log file 'outcomes witness' wrote before it used this seam: {"origin", "size", "rootHash"}.
            // A size is a JSON number only there (here every value is a string), so the two cannot be confused.
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number
                && root.TryGetProperty("origin", out var origin) && origin.ValueKind == JsonValueKind.String
                && root.TryGetProperty("rootHash", out var rootHash) && rootHash.ValueKind == JsonValueKind.String)
            {
                return new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [origin.GetString()!] = string.Create(CultureInfo.InvariantCulture, $"{size.GetUInt64()} {rootHash.GetString()}"),
                };
            }

            return root.Deserialize(StorageJson.Default.DictionaryStringString) ?? [];
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{Path}: not a witness state file ({e.Message})", e);
        }
    }
}
