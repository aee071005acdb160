using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The straight path from the baseline (at the end of the baseline periods) to the active target by its date, and
/// where the latest counted values (their mean, over up to three periods) stand on it.
/// </summary>
public sealed record ScorecardTargetPath
{
    public required DateOnly From { get; init; }

    public required double FromValue { get; init; }

    public required DateOnly To { get; init; }

    public required double ToValue { get; init; }

    public required TargetBasis Basis { get; init; }

    public required DateOnly LatestDate { get; init; }

    public required double Latest { get; init; }

    public required int LatestPeriods { get; init; }

    public required double Expected { get; init; }

    public required double FractionAchieved { get; init; }

    public required double FractionOfTimeElapsed { get; init; }
}
