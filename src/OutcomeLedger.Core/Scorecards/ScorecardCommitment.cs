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

    public required Rating Rating { get; init; }

    public required RatingReason Reason { get; init; }

    public required IReadOnlyList<ScorecardStatement> Statements { get; init; }

    public required IReadOnlyList<ScorecardIndicator> Indicators { get; init; }

    public required EntryRef Entry { get; init; }
}
