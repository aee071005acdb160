using System.Text.Json;
using System.Text.Json.Serialization;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// A <see cref="Shortfall"/> in the scorecard JSON: its English sentence, as schema 1 has always written it (the
/// <c>detail</c> and <c>…Insufficient</c> members), written through the options' string converter so canonical JSON
/// stays canonical; read back into its code and numbers, so renderers word it in any language.
/// </summary>
public sealed class ShortfallJsonConverter : JsonConverter<Shortfall>
{
    public override Shortfall? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("a statistical shortfall is a string");
        return TextCatalogue.English.TryParseShortfall(text, out var shortfall)
            ? shortfall
            : throw new JsonException($"'{text}' is not a statistical shortfall this version writes");
    }

    public override void Write(Utf8JsonWriter writer, Shortfall value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var text = TextCatalogue.English.Sentence(value);
        if (options.TryGetTypeInfo(typeof(string), out var strings) && strings.Converter is JsonConverter<string> converter)
        {
            converter.Write(writer, text, options);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }
}
