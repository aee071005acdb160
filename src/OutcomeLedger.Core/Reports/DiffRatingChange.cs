using System.Text.Json.Serialization;
using OutcomeLedger.Core.Evaluation;

namespace OutcomeLedger.Core.Reports;

/// <summary>
/// A commitment whose rating (or what its data says) differs between the two checkpoints, with the reason for the
/// rating it has now. <see cref="From"/> is null for a commitment logged in between.
/// </summary>
public sealed record DiffRatingChange
{
    public required string Agreement { get; init; }

    public required string Commitment { get; init; }

    /// <summary>The commitment's text.</summary>
    public required string Text { get; init; }

    [JsonConverter(typeof(RatingCodeJsonConverter))]
    public Rating? From { get; init; }

    [JsonConverter(typeof(RatingCodeJsonConverter))]
    public required Rating To { get; init; }

    /// <summary>What the data says (the first axis) at the earlier checkpoint, when it differs from the rating.</summary>
    [JsonConverter(typeof(RatingCodeJsonConverter))]
    public Rating? FindingFrom { get; init; }

    [JsonConverter(typeof(RatingCodeJsonConverter))]
    public Rating? FindingTo { get; init; }

    /// <summary>Why the rating is what it is now, in the language asked for.</summary>
    public required string Reason { get; init; }
}
