using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// The JSON form of ledger records: camelCase, enums in kebab-case, ids and periods as strings, decimals as strings
/// (a JSON number would pass through a double under RFC 8785 and lose digits), times in UTC to the second.
/// Reading is strict: unknown fields, missing required fields and wrong types are errors.
/// </summary>
public static class RecordJson
{
    /// <summary>
    /// The form with the generated metadata of <see cref="RecordJsonContext"/> alone (no reflection, so it works in a
    /// Native AOT build): the records (also as <see cref="LedgerRecord"/>, with their kind as discriminator) and the
    /// types they carry. A layer above that writes its own types copies these options with its own context as the
    /// resolver and adds the converters of its own enums (<see cref="EnumConverter{TEnum}"/>).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create(ordered: false, RecordJsonContext.Default);

    /// <summary>
    /// The same form for one record kind at a time, as the entry codec uses it: each object's members are written in
    /// RFC 8785 order (the record's <c>kind</c> among them, not first as a discriminator) and only the characters
    /// JSON requires are escaped, so a record's text is usually canonical as written; a record of a known kind is read
    /// without looking ahead for its discriminator, whose value must match the kind. Serialize and deserialize the
    /// concrete record type (<see cref="RecordTypes"/>), never <see cref="LedgerRecord"/>.
    /// </summary>
    internal static JsonSerializerOptions Ordered { get; } =
        CreateOrdered(RecordJsonContext.Default.WithAddedModifier(OnOmittedInitialized(name => throw new JsonException($"{name}: missing"))));

    /// <summary>
    /// <see cref="Options"/>' form for the codec's general path: a never-null member left null by the generated reader
    /// (an omission, see <see cref="OnOmittedInitialized"/>) sets <see cref="OmittedInitialized"/> on this thread.
    /// </summary>
    internal static JsonSerializerOptions AnyKind { get; } =
        Create(ordered: false, RecordJsonContext.Default.WithAddedModifier(OnOmittedInitialized(_ => OmittedInitialized = true)));

    /// <summary>Set by a read with <see cref="AnyKind"/> that met an omitted member with an initializer; cleared by the reader.</summary>
    [ThreadStatic]
    internal static bool OmittedInitialized;

    /// <summary>Each record kind (the <c>kind</c> field, the payload type's middle) and its type.</summary>
    public static IReadOnlyDictionary<string, Type> RecordTypes { get; } = RecordKinds.All.ToDictionary(k => k.Name, k => k.RecordType, StringComparer.Ordinal);

    /// <summary>
    /// <see cref="Ordered"/>'s form with the record types' metadata from <paramref name="records"/>: the generated
    /// <see cref="RecordJsonContext"/>, or, to compare against it in tests, reflection.
    /// </summary>
    internal static JsonSerializerOptions CreateOrdered(IJsonTypeInfoResolver records) => Create(ordered: true, records);

    /// <summary><see cref="Options"/>' form with the record types' metadata from <paramref name="records"/> (tests compare it with reflection).</summary>
    internal static JsonSerializerOptions CreateUnordered(IJsonTypeInfoResolver records) => Create(ordered: false, records);

    /// <summary>An enum as its kebab-case name (or its <see cref="JsonStringEnumMemberNameAttribute"/>), never a number.</summary>
    public static JsonConverter EnumConverter<TEnum>()
        where TEnum : struct, Enum => new JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

    static JsonSerializerOptions Create(bool ordered, IJsonTypeInfoResolver records)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowOutOfOrderMetadataProperties = true,
            MaxDepth = 16,
        };
        // The enums of the records (this namespace); a layer above adds its own (the ledger does not know them).
        options.Converters.Add(EnumConverter<Aggregation>());
        options.Converters.Add(EnumConverter<Direction>());
        options.Converters.Add(EnumConverter<FormFieldType>());
        options.Converters.Add(EnumConverter<KeyAction>());
        options.Converters.Add(EnumConverter<MeasureType>());
        options.Converters.Add(EnumConverter<NumberProblemCode>());
        options.Converters.Add(EnumConverter<PartyRole>());
        options.Converters.Add(EnumConverter<PeriodType>());
        options.Converters.Add(EnumConverter<ReleaseCadence>());
        options.Converters.Add(EnumConverter<ReleaseLagUnit>());
        options.Converters.Add(EnumConverter<StatementKind>());
        options.Converters.Add(EnumConverter<TargetBasis>());
        options.Converters.Add(EnumConverter<ValueEventKind>());
        options.Converters.Add(EnumConverter<Verdict>());
        options.Converters.Add(EnumConverter<Writers>());
        options.Converters.Add(new SlugConverter<PartyId>(v => new PartyId(v), id => id.Value));
        options.Converters.Add(new SlugConverter<AgreementId>(v => new AgreementId(v), id => id.Value));
        options.Converters.Add(new SlugConverter<StatementId>(v => new StatementId(v), id => id.Value));
        options.Converters.Add(new SlugConverter<CommitmentId>(v => new CommitmentId(v), id => id.Value));
        options.Converters.Add(new SlugConverter<IndicatorId>(v => new IndicatorId(v), id => id.Value));
        options.Converters.Add(new PeriodConverter());
        options.Converters.Add(new DecimalStringConverter());
        options.Converters.Add(new UtcSecondsConverter());
        if (ordered)
        {
            // RFC 8785 §3.2.2 escapes only '"', '\\' and control characters; this encoder leaves the rest as written.
            options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            options.TypeInfoResolver = records.WithAddedModifier(DeriveKinds).WithAddedModifier(OrderMembers);
        }
        else
        {
            options.TypeInfoResolver = records.WithAddedModifier(DeriveKinds);
        }

        options.MakeReadOnly();
        return options;
    }

    // A record read or written as LedgerRecord carries its kind as the discriminator; the kinds come from RecordKinds.
    static void DeriveKinds(JsonTypeInfo type)
    {
        if (type.Type != typeof(LedgerRecord))
        {
            return;
        }

        type.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "kind",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var kind in RecordKinds.All)
        {
            type.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(kind.RecordType, kind.Name));
        }
    }

    // The generated reader sets a property the payload omits to default where reflection keeps its initializer
    // (dotnet/runtime#84484), and the writer then omits the null again, so a payload without, say, a measurement's
    // "evidence" would read back to its own bytes with a null list where reflection read [] and refused it as not
    // canonical. A null left in a property the annotations say is never null can only be such an omission (an explicit
    // null is refused while reading): the entry codec's known-kind path refuses it, its general path notes it and
    // refuses the payload as reflection did (not canonical: reflection read the initializer and wrote it back).
    // (Value types with an initializer, such as the schema version or a policy's thresholds, write back as 0 and differ.)
    static Action<JsonTypeInfo> OnOmittedInitialized(Action<string> omitted) => type =>
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var neverNull = type.Properties.Where(p => p.Get is not null && !p.PropertyType.IsValueType && !p.IsGetNullable).ToArray();
        if (neverNull.Length == 0)
        {
            return;
        }

        var before = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            before?.Invoke(value);
            foreach (var property in neverNull)
            {
                if (property.Get!(value) is null)
                {
                    omitted(property.Name);
                }
            }
        };
    };

    // RFC 8785 §3.2.3: members sorted by their names' UTF-16 code units. A record also carries its kind as a member.
    static void OrderMembers(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        if (typeof(LedgerRecord).IsAssignableFrom(type.Type) && !type.Type.IsAbstract)
        {
            var kind = RecordTypes.Single(t => t.Value == type.Type).Key;
            // Made as the source generator makes a member (JsonTypeInfo.CreateJsonPropertyInfo would need reflection).
            var member = JsonMetadataServices.CreatePropertyInfo(type.Options, new JsonPropertyInfoValues<string>
            {
                IsProperty = true,
                IsPublic = true,
                DeclaringType = type.Type,
                PropertyName = "Kind",
                JsonPropertyName = "kind",
                Getter = _ => kind,
                Setter = (_, value) =>
                {
                    if (!kind.Equals(value, StringComparison.Ordinal))
                    {
                        throw new JsonException($"kind: '{value}' is not '{kind}'");
                    }
                },
            });
            member.IsRequired = true;
            // The CLR property Kind is [JsonIgnore]d but still listed under its JSON name: this member takes its place.
            foreach (var ignored in type.Properties.Where(p => p.Name == "kind").ToList())
            {
                type.Properties.Remove(ignored);
            }

            type.Properties.Add(member);
        }

        var order = type.Properties.Select(p => p.Name).Order(StringComparer.Ordinal).Select((name, rank) => (name, rank)).ToDictionary(p => p.name, p => p.rank, StringComparer.Ordinal);
        foreach (var property in type.Properties)
        {
            property.Order = order[property.Name];
        }
    }

    /// <summary>
    /// Reads a document a person wrote (a policy file, say) as reading by reflection did: a member the document leaves
    /// out keeps its initializer, taken from <paramref name="defaults"/> (e.g. <c>new EvaluationPolicy()</c>). The
    /// generated metadata alone would set it to <c>null</c> or <c>0</c> (dotnet/runtime#84484). Required members are
    /// never filled in: a document without one is refused as before.
    /// </summary>
    /// <exception cref="JsonException">The document is not a <typeparamref name="T"/>.</exception>
    public static T? ReadDocument<T>(JsonNode? document, T defaults)
    {
        var info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        if (document is not JsonObject given || info.Kind != JsonTypeInfoKind.Object)
        {
            return document.Deserialize(info);
        }

        var filled = new JsonObject();
        foreach (var (name, value) in given)
        {
            filled[name] = value?.DeepClone();
        }

        var initial = JsonSerializer.SerializeToNode(defaults, info) as JsonObject ?? [];
        foreach (var property in info.Properties.Where(p => !p.IsRequired && !given.ContainsKey(p.Name)))
        {
            if (initial[property.Name] is { } value)
            {
                filled[property.Name] = value.DeepClone();
            }
        }

        return filled.Deserialize(info);
    }

    /// <summary>A decimal without trailing zeros, so 1.50 and 1.5 are one value with one encoding.</summary>
    public static string FormatDecimal(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    sealed class SlugConverter<T>(Func<string, T> create, Func<T, string> value) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? create(reader.GetString()!) : throw new JsonException("an id must be a string");

        public override void Write(Utf8JsonWriter writer, T id, JsonSerializerOptions options) => writer.WriteStringValue(value(id));
    }

    sealed class PeriodConverter : JsonConverter<Period>
    {
        public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && Period.TryParse(reader.GetString(), out var period)
                ? period
                : throw new JsonException("a period is a string YYYY-MM, YYYY-Qn or YYYY");

        public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    sealed class DecimalStringConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String
                || !decimal.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || FormatDecimal(value) != reader.GetString())
            {
                throw new JsonException("a number is written as a decimal string without exponent or trailing zeros (\"12.5\")");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteStringValue(FormatDecimal(value));
    }

    sealed class UtcSecondsConverter : JsonConverter<DateTimeOffset>
    {
        const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParseExact(reader.GetString(), Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                ? value
                : throw new JsonException("a time is UTC to the second: YYYY-MM-DDTHH:MM:SSZ");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
    }
}
