using OutcomeLedger.Core.Evaluation;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The paired indicator shown beside the one it qualifies (e.g. seizures beside overdose deaths), with the reading it
/// changes and its own rating.
/// </summary>
public sealed record ScorecardPairing
{
    public required string Indicator { get; init; }

    public required string Name { get; init; }

    public string? Reading { get; init; }

    public required Rating Rating { get; init; }

    public required RatingReason Reason { get; init; }

    public required EntryRef Entry { get; init; }
}
