using System.Text.Json;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Cli.Commands.Witness;

/// <summary>
/// What a witness remembers of one log: the origin, size and root hash of the last checkpoint it cosigned. Every later
/// checkpoint must be consistent with it. Written atomically, and never when a check failed.
/// </summary>
internal sealed record WitnessState(string Origin, ulong Size, string RootHash)
{
    const int MaxFileSize = 64 * 1024;

    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public Hash Root => Hash.TryParseBase64(RootHash, out var root) ? root : throw new InvalidDataException($"the witness state's root hash '{RootHash}' is not a base64 SHA-256 hash");

    /// <summary>The state in <paramref name="path"/>, or null when the file does not exist (first contact).</summary>
    public static WitnessState? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        if (new FileInfo(path).Length > MaxFileSize)
        {
            throw new InvalidDataException($"witness state '{path}' is too large to be a state file");
        }

        try
        {
            var state = JsonSerializer.Deserialize<WitnessState>(File.ReadAllBytes(path), Json);
            if (state is null || string.IsNullOrEmpty(state.Origin))
            {
                throw new InvalidDataException($"witness state '{path}' names no log");
            }

            _ = state.Root;
            return state;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"witness state '{path}' is not a witness state file: {e.Message}", e);
        }
    }

    /// <summary>Replaces the state file atomically: a crash leaves the old state or the new one, never a mix.</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, this, Json);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
