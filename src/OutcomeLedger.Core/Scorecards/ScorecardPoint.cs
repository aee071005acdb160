using OutcomeLedger.Core.Evaluation;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// One value of a series: the reported figure, the figure that stands (a resolution's figure once a dispute is
/// resolved), its verification status, whether the policy counts it, and the entries behind all of it.
/// </summary>
public sealed record ScorecardPoint
{
    public required string Period { get; init; }

    public required decimal Reported { get; init; }

    public required decimal Stands { get; init; }

    public required VerificationStatus Status { get; init; }

    public required bool CountsTowardTrend { get; init; }

    public required bool CountsTowardMet { get; init; }

    public bool Provisional { get; init; }

    public required EntryRef Entry { get; init; }

    public required IReadOnlyList<ScorecardAttestation> Attestations { get; init; }

    /// <summary>The earlier values this one corrected, the most recent first.</summary>
    public required IReadOnlyList<ScorecardCorrection> Corrects { get; init; }

    /// <summary>
    /// The disputes still open on the value, each with its disputer's figure, including those carried over from the
    /// values it corrected (a correction does not end a dispute); absent when none is open.
    /// </summary>
    public IReadOnlyList<ScorecardAttestation>? OpenDisputes { get; init; }

    /// <summary>
    /// The value's history in log order (reported, corrected, acknowledged, disputed, withdrawn, verified, resolved),
    /// over this value and the values it corrected; absent when the value was only reported.
    /// </summary>
    public IReadOnlyList<ScorecardValueEvent>? History { get; init; }
}
