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

    public EntryRef? Entry { get; init; }
}
