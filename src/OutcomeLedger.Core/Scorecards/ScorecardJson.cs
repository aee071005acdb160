using System.Text.Json;
using OutcomeLedger.Core.Entries;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The scorecard as RFC 8785 canonical JSON: the record conventions of the log (camelCase, kebab-case enums, logged
/// figures as decimal strings) with computed figures as numbers rounded to six significant digits, so the same log
/// prefix and policy always give the same bytes. Schema: docs/scorecard-schema.md.
/// </summary>
public static class ScorecardJson
{
    static readonly JsonSerializerOptions Options = new(RecordJson.Options) { MaxDepth = CanonicalJson.MaxDepth };

    public static byte[] Serialize(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(scorecard, Options));
    }

    /// <summary>Reads a scorecard; throws <see cref="JsonException"/> for anything that is not one of this schema.</summary>
    public static Scorecard Deserialize(ReadOnlySpan<byte> json) =>
        TryDeserialize(json, out var scorecard, out var error) ? scorecard! : throw new JsonException(error);

    /// <summary>Reads a scorecard from untrusted bytes; on failure <paramref name="error"/> names what is wrong.</summary>
    public static bool TryDeserialize(ReadOnlySpan<byte> json, out Scorecard? scorecard, out string? error)
    {
        scorecard = null;
        try
        {
            var read = JsonSerializer.Deserialize<Scorecard>(json, Options);
            if (read is null)
            {
                error = "the JSON is null, not a scorecard";
                return false;
            }

            if (read.Schema != Scorecard.CurrentSchema)
            {
                error = $"schema '{read.Schema}' is not '{Scorecard.CurrentSchema}'";
                return false;
            }

            scorecard = read;
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = e.Path is null ? e.Message : $"{e.Path}: {e.Message}";
            return false;
        }
    }
}
