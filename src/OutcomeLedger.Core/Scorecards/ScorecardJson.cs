using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Import.Quality;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The scorecard as RFC 8785 canonical JSON: the record conventions of the log (camelCase, kebab-case enums, logged
/// figures as decimal strings) with computed figures as numbers rounded to six significant digits, so the same log
/// prefix and policy always give the same bytes. Schema: docs/scorecard-schema.md.
/// </summary>
public static class ScorecardJson
{
    static readonly JsonSerializerOptions Options = CreateOptions();

    static readonly JsonSerializerOptions CanonicalOptions = CreateCanonical();

    static readonly JsonTypeInfo<Scorecard> Read = (JsonTypeInfo<Scorecard>)Options.GetTypeInfo(typeof(Scorecard));

    static readonly JsonTypeInfo<Scorecard> Canonical = (JsonTypeInfo<Scorecard>)CanonicalOptions.GetTypeInfo(typeof(Scorecard));

    /// <summary>
    /// The scorecard in RFC 8785 form, written directly (members in code-unit order, strings and numbers in their
    /// canonical forms) rather than canonicalised after the fact: a scorecard of 120,000 values is tens of megabytes.
    /// </summary>
    public static byte[] Serialize(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return JsonSerializer.SerializeToUtf8Bytes(scorecard, Canonical);
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
            var read = JsonSerializer.Deserialize(json, Read);
            if (read is null)
            {
                error = "the JSON is null, not a scorecard";
                return false;
            }

            // Generated metadata reads an omitted schema as null where its initializer stayed (dotnet/runtime#84484).
            if (read.Schema is null)
            {
                read = read with { Schema = Scorecard.CurrentSchema };
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

    /// <summary>
    /// The JSON Schema (draft 2020-12) of the scorecard, generated from the model types by System.Text.Json's
    /// <see cref="JsonSchemaExporter"/> with the scorecard's own serializer options, so it describes exactly what
    /// <see cref="Serialize"/> writes: members in canonical order, required members as required, enums as their
    /// kebab-case strings, logged figures (decimals) as strings and statistical shortfalls as their English sentence.
    /// docs/scorecard.schema.json is this text; a test fails when the two drift.
    /// </summary>
    public static string Schema()
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(Canonical, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                // Types written by custom converters: say what the converter writes.
                var type = context.TypeInfo.Type;
                if (type == typeof(decimal) || type == typeof(decimal?))
                {
                    return new JsonObject
                    {
                        ["type"] = "string",
                        ["pattern"] = "^-?[0-9]+(\\.[0-9]+)?$",
                        ["description"] = "a figure from the log, exactly as logged",
                    };
                }

                if (type == typeof(double) || type == typeof(double?))
                {
                    return new JsonObject
                    {
                        ["type"] = "number",
                        ["description"] = "a computed figure, rounded to six significant digits",
                    };
                }

                if (type == typeof(Evaluation.Statistics.Shortfall))
                {
                    return new JsonObject { ["type"] = "string", ["description"] = "a statistical shortfall, as its English sentence" };
                }

                return node;
            },
        });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://outcomeledger.example/schemas/" + Scorecard.CurrentSchema + ".json",
            ["title"] = Scorecard.CurrentSchema,
        };
        foreach (var (name, value) in schema.AsObject().ToList())
        {
            schema.AsObject().Remove(name);
            root[name] = value;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    // The records' form with the scorecard's generated metadata and the scorecard's enums.
    static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(RecordJson.Options)
        {
            MaxDepth = CanonicalJson.MaxDepth,
            TypeInfoResolver = ScorecardJsonContext.Default,
        };
        options.Converters.Add(RecordJson.EnumConverter<Rating>());
        options.Converters.Add(RecordJson.EnumConverter<VerificationStatus>());
        options.Converters.Add(RecordJson.EnumConverter<ObservedChangeMethod>());
        options.Converters.Add(RecordJson.EnumConverter<IntervalDistribution>());
        options.Converters.Add(RecordJson.EnumConverter<ShortfallCode>());
        options.Converters.Add(RecordJson.EnumConverter<ReasonCode>());
        options.Converters.Add(RecordJson.EnumConverter<NeedCode>());
        options.Converters.Add(RecordJson.EnumConverter<ScorecardLanguage>());
        options.Converters.Add(RecordJson.EnumConverter<DataNoteCode>());
        options.Converters.Add(RecordJson.EnumConverter<OutlierReference>());
        options.MakeReadOnly();
        return options;
    }

    static JsonSerializerOptions CreateCanonical()
    {
        var options = new JsonSerializerOptions(Options)
        {
            TypeInfoResolver = ScorecardJsonContext.Default.WithAddedModifier(SortMembers),
        };
        options.Converters.Add(new CanonicalStringConverter());
        options.Converters.Add(new CanonicalDoubleConverter());
        options.Converters.Add(new SortedDictionaryConverter<string>());
        options.Converters.Add(new SortedDictionaryConverter<int>());
        options.MakeReadOnly();
        return options;
    }

    // RFC 8785 §3.2.3: members sorted by the UTF-16 code units of their names.
    static void SortMembers(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var sorted = info.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        info.Properties.Clear();
        foreach (var property in sorted)
        {
            info.Properties.Add(property);
        }
    }

    /// <summary>RFC 8785 §3.2.2.2: only '"', '\\' and control characters are escaped; everything else is written as UTF-8.</summary>
    sealed class CanonicalStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            // Most strings (hashes, periods, ids) need no escape: written between quotes from a stack buffer.
            if (value.Length <= 256 && value.AsSpan().IndexOfAnyInRange('\0', '\u001f') < 0 && value.AsSpan().IndexOfAny('"', '\\') < 0)
            {
                Span<char> quoted = stackalloc char[258];
                quoted[0] = '"';
                value.CopyTo(quoted[1..]);
                quoted[value.Length + 1] = '"';
                writer.WriteRawValue(quoted[..(value.Length + 2)], skipInputValidation: true);
                return;
            }

            var text = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                _ = c switch
                {
                    '"' => text.Append("\\\""),
                    '\\' => text.Append("\\\\"),
                    '\b' => text.Append("\\b"),
                    '\t' => text.Append("\\t"),
                    '\n' => text.Append("\\n"),
                    '\f' => text.Append("\\f"),
                    '\r' => text.Append("\\r"),
                    < ' ' => text.Append("\\u00").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)),
                    _ => text.Append(c),
                };
            }

            writer.WriteRawValue(text.Append('"').ToString(), skipInputValidation: true);
        }
    }

    /// <summary>RFC 8785 §3.2.2.3: numbers in the ECMAScript form.</summary>
    sealed class CanonicalDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
            writer.WriteRawValue(CanonicalJson.FormatNumber(value), skipInputValidation: true);
    }

    /// <summary>Maps (dimensions, rating counts) with their keys in code-unit order.</summary>
    sealed class SortedDictionaryConverter<T> : JsonConverter<IReadOnlyDictionary<string, T>>
    {
        public override IReadOnlyDictionary<string, T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<Dictionary<string, T>>)Options.GetTypeInfo(typeof(Dictionary<string, T>)));

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value, JsonSerializerOptions options)
        {
            var items = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            writer.WriteStartObject();
            foreach (var (key, item) in value.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, item, items);
            }

            writer.WriteEndObject();
        }
    }
}

/// <summary>
/// Compile-time JSON metadata for the scorecard model (no reflection, so it works in a Native AOT build); the
/// converters, naming and member order come from <see cref="ScorecardJson"/>'s options. The golden scorecards of the
/// fixture ledgers hold its bytes to what reflection wrote.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Scorecard))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class ScorecardJsonContext : JsonSerializerContext;
