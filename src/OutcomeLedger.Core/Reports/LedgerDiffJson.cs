using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OutcomeLedger.Core.Reports;

/// <summary>
/// A <see cref="LedgerDiff"/> as JSON, the same from the CLI (<c>outcomes diff --json</c>) and the API: camelCase,
/// kinds in kebab case, ratings as their codes, logged figures as exact numbers, non-ASCII characters as they are.
/// </summary>
public static class LedgerDiffJson
{
    static readonly JsonTypeInfo<LedgerDiff> TypeInfo = (JsonTypeInfo<LedgerDiff>)new JsonSerializerOptions(LedgerDiffJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.GetTypeInfo(typeof(LedgerDiff));

    public static string Serialize(LedgerDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return JsonSerializer.Serialize(diff, TypeInfo);
    }

    public static LedgerDiff? Deserialize(string json) => JsonSerializer.Deserialize(json, TypeInfo);
}

/// <summary>The generated JSON metadata of <see cref="LedgerDiff"/> (no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LedgerDiff))]
public sealed partial class LedgerDiffJsonContext : JsonSerializerContext;
