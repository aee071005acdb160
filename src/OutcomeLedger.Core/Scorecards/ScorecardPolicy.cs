namespace OutcomeLedger.Core.Scorecards;

/// <summary>The evaluation policy in force at the checkpoint; <see cref="Entry"/> is null when none was logged and the defaults applied.</summary>
public sealed record ScorecardPolicy
{
    public required IReadOnlyList<string> CountsTowardMet { get; init; }

    public required IReadOnlyList<string> CountsTowardTrend { get; init; }

    public required decimal MinVerifiedShare { get; init; }

    public required decimal SignificantChange { get; init; }

    public required int MinPeriodsBefore { get; init; }

    public required int MinPeriodsAfter { get; init; }

    public required decimal ConfidenceLevel { get; init; }

    public required string Rollup { get; init; }

    /// <summary>The verifiers who may decide a dispute; omitted when the policy names none (any registered verifier may).</summary>
    public IReadOnlyList<string>? DisputeResolvers { get; init; }

    /// <summary>The statements that reset expectations (an assessment citing one starts at its date); omitted when none.</summary>
    public IReadOnlyList<string>? ResetStatements { get; init; }

    /// <summary>The verifiers whose checks count; omitted when the policy names none (every registered verifier's do).</summary>
    public IReadOnlyList<string>? Verifiers { get; init; }

    /// <summary>Whether the scorecard carries data notes; omitted when a logged policy does not name them (and then it carries none).</summary>
    public bool? DataNotes { get; init; }

    public EntryRef? Entry { get; init; }
}
