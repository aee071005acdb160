using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// An indicator with its series and rating. The rating is the headline series' (the total, without dimensions) when
/// one is logged, otherwise the policy's rollup of the series ratings.
/// </summary>
public sealed record ScorecardIndicator
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Unit { get; init; }

    public required MeasureType MeasureType { get; init; }

    public required Direction Direction { get; init; }

    public required PeriodType PeriodType { get; init; }

    public required string Reporter { get; init; }

    public required string DataSource { get; init; }

    public string? VerificationProtocol { get; init; }

    public string? Caveat { get; init; }

    public ScorecardPairing? Paired { get; init; }

    /// <summary>How current the data is, from the source's declared release cadence and lag; omitted when the indicator declares none.</summary>
    public ScorecardFreshness? Freshness { get; init; }

    public ScorecardBaseline? Baseline { get; init; }

    public required IReadOnlyList<ScorecardTarget> Targets { get; init; }

    /// <summary>Whether the terms are agreed by every party or only proposed, and the objections that stand; null when the log holds no terms for the entry.</summary>
    public ScorecardTerms? Terms { get; init; }

    public required Rating Rating { get; init; }

    public required RatingReason Reason { get; init; }

    /// <summary>What the data says (the first axis): the rollup of the parts' findings; never UNVERIFIABLE.</summary>
    public Rating? Finding { get; init; }

    /// <summary>How much of the assessment windows is confirmed (the second axis), summed over the parts.</summary>
    public ScorecardConfirmation? Confirmation { get; init; }

    /// <summary>What the parts still need before the rating can say more; empty when nothing.</summary>
    public IReadOnlyList<ScorecardNeed>? Needs { get; init; }

    /// <summary>What the data-quality rules noticed in the series (prompts to check, not verdicts); omitted when nothing, or when the policy does not ask for data notes.</summary>
    public IReadOnlyList<ScorecardDataNote>? DataNotes { get; init; }

    public required IReadOnlyList<ScorecardSeries> Series { get; init; }

    public required EntryRef Entry { get; init; }
}
