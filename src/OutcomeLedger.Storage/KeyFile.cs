using OutcomeLedger.Core.Entries;

namespace OutcomeLedger.Storage;

/// <summary>
/// Private key files: one line, <c>ed25519:&lt;base64 seed&gt;</c> for entry signing keys, or a signed-note
/// <c>PRIVATE+KEY+…</c> line for the log key. Written owner-only (0600); a file readable by others, or owned by another
/// user, is refused.
/// </summary>
public static class KeyFile
{
    const string Prefix = "ed25519:";

    public static void WriteSecret(string path, string line)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(line);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        using var writer = new StreamWriter(file);
        writer.Write(line + "\n");
    }

    /// <summary>Reads a secret line, refusing a file that others can read or that another user owns (the message names the file, never its content).</summary>
    public static string ReadSecret(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"key file '{path}' does not exist", path);
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                throw new UnauthorizedAccessException($"key file '{path}' is readable or writable by others; run: chmod 600 '{path}'");
            }

            // Owner-only means nothing if the owner is someone else: that user can read the key, or replace it with theirs.
            if (UnixFileStatus.Of(path) is { } status && UnixFileStatus.EffectiveUserId() is { } user && status.OwnerId != user)
            {
                throw new UnauthorizedAccessException($"key file '{path}' belongs to user {status.OwnerId}, not to the user running outcomes ({user}); run: chown {user} '{path}'");
            }
        }

        var info = new FileInfo(path);
        if (info.Length > 4096)
        {
            throw new InvalidDataException($"key file '{path}' is too large to be a key file");
        }

        return File.ReadAllText(path).Trim();
    }

    public static string Format(SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Prefix + Convert.ToBase64String(key.ExportSeed());
    }

    /// <summary>Parses an entry signing key line; the error never repeats the line.</summary>
    public static SigningKey ParseSigningKey(string line, string source)
    {
        ArgumentNullException.ThrowIfNull(line);
        var seed = new byte[32];
        if (!line.StartsWith(Prefix, StringComparison.Ordinal)
            || !Convert.TryFromBase64String(line[Prefix.Length..], seed, out var written) || written != 32)
        {
            throw new InvalidDataException($"{source} does not hold an ed25519 signing key ('ed25519:' and a base64 32-byte seed)");
        }

        return SigningKey.FromSeed(seed);
    }

    public static void WriteSigningKey(string path, SigningKey key) => WriteSecret(path, Format(key));

    public static SigningKey ReadSigningKey(string path) => ParseSigningKey(ReadSecret(path), $"key file '{path}'");
}
