using System.Text.Json;
using System.Text.Json.Serialization;
using OutcomeLedger.Core.Evaluation;

namespace OutcomeLedger.Core.Reports;

/// <summary>A rating as the scorecard writes its code: "ON_TRACK".</summary>
public sealed class RatingCodeJsonConverter : JsonConverter<Rating>
{
    public override Rating Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var code = reader.GetString();
        foreach (var rating in Enum.GetValues<Rating>())
        {
            if (RatingCode.Of(rating) == code)
            {
                return rating;
            }
        }

        throw new JsonException($"'{code}' is not a rating code");
    }

    public override void Write(Utf8JsonWriter writer, Rating value, JsonSerializerOptions options) => writer.WriteStringValue(RatingCode.Of(value));
}
