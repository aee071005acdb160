using OutcomeLedger.Core.Evaluation;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>A commitment with its statements (the rhetoric), its indicators (the results) and its rolled-up rating.</summary>
public sealed record ScorecardCommitment
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    public required DateOnly MadeOn { get; init; }

    public DateOnly? DueDate { get; init; }

    public required IReadOnlyList<string> ResponsibleParties { get; init; }

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

    public required IReadOnlyList<ScorecardStatement> Statements { get; init; }

    public required IReadOnlyList<ScorecardIndicator> Indicators { get; init; }

    public required EntryRef Entry { get; init; }
}
