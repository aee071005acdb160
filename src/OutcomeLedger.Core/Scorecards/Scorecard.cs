namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// An evaluation of one agreement at one checkpoint: the model behind the scorecard JSON (docs/scorecard-schema.md),
/// from which the Markdown and HTML renderings are made without computing anything again.
/// </summary>
public sealed record Scorecard
{
    /// <summary>The schema identifier of this version of the JSON.</summary>
    public const string CurrentSchema = "outcomeledger-scorecard/2";

    public string Schema { get; init; } = CurrentSchema;

    public required ScorecardCheckpoint Checkpoint { get; init; }

    /// <summary>The date of the latest entry in the evaluated log prefix: the scorecard's "as of" date (never the clock).</summary>
    public required DateOnly AsOf { get; init; }

    public required ScorecardAgreement Agreement { get; init; }

    public required ScorecardPolicy Policy { get; init; }

    public required IReadOnlyList<ScorecardCommitment> Commitments { get; init; }
}
