using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// A target as logged, with the value it means (a relative target applied to the baseline). An illustrative target
/// is an assumption, not an agreement, and every rendering labels it so.
/// </summary>
public sealed record ScorecardTarget
{
    public required DateOnly By { get; init; }

    public required TargetBasis Basis { get; init; }

    public decimal? Value { get; init; }

    public decimal? RelativeChange { get; init; }

    /// <summary>The target value: <see cref="Value"/>, or the baseline × (1 + relative change); null without a baseline value.</summary>
    public double? TargetValue { get; init; }

    public string? Note { get; init; }

    /// <summary>True for the target the rating was measured against.</summary>
    public required bool Active { get; init; }
}
