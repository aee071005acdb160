using System.Diagnostics.CodeAnalysis;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Api.Features.Witnesses;

/// <summary>
/// A tlog-witness this log submits its checkpoints to: the witness's submission prefix (its <c>/add-checkpoint</c> is
/// under it) and its cosignature/v1 verifier key, the only key whose cosignatures from it are kept.
/// </summary>
public sealed record LogWitness(Uri Url, VerifierKey Key)
{
    /// <summary>The file in a ledger folder listing the witnesses <c>outcomes serve</c> submits to, one <c>url=vkey</c> a line.</summary>
    public const string FileName = "witness-urls.txt";

    /// <summary>Where the witness is, for logs and health: scheme, host, port and path, never user information or a query.</summary>
    public string Display => Url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    /// <summary>"&lt;url&gt;=&lt;vkey&gt;" (split at the last '=': a verifier key holds none); the error names what is wrong.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out LogWitness? witness, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        witness = null;
        var trimmed = text.Trim();
        var equals = trimmed.LastIndexOf('=');
        if (equals <= 0 || equals == trimmed.Length - 1)
        {
            error = "a witness is <url>=<its cosignature/v1 verifier key>";
            return false;
        }

        var url = trimmed[..equals];
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            error = "the witness URL must be an absolute http:// or https:// URL without query or fragment";
            return false;
        }

        if (trimmed[(equals + 1)..].StartsWith("PRIVATE+KEY+", StringComparison.Ordinal))
        {
            error = "give the witness's verifier key, not a private key";
            return false;
        }

        if (!VerifierKey.TryParse(trimmed[(equals + 1)..], out var key, out var keyError))
        {
            error = "the witness key: " + keyError.Message;
            return false;
        }

        if (key.Type != NoteKeyType.CosignatureV1)
        {
            error = $"the witness key {key.Name} is not a cosignature/v1 key (type 0x04)";
            return false;
        }

        witness = new LogWitness(uri, key);
        error = null;
        return true;
    }

    /// <summary>The witnesses listed in a ledger folder's <see cref="FileName"/> (none without the file); a bad line names its number.</summary>
    public static IReadOnlyList<LogWitness> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return [];
        }

        var witnesses = new List<LogWitness>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            witnesses.Add(TryParse(trimmed, out var witness, out var error) ? witness : throw new InvalidDataException($"{path}:{number}: {error}"));
        }

        return witnesses;
    }
}
