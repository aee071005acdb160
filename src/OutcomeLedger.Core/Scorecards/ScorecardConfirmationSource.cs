using OutcomeLedger.Core.Evaluation;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// How some of the values in the assessment window were confirmed, or that they were not: "12 acknowledged by mx",
/// "30 re-derived from the CBP file by verifier", "5 unconfirmed". One per status, party and file.
/// </summary>
public sealed record ScorecardConfirmationSource
{
    /// <summary>The values' status: acknowledged, verified, resolved, disputed, verification-failed or self-reported.</summary>
    public required VerificationStatus Status { get; init; }

    /// <summary>Who settled it: the acknowledging parties, the verifier or the resolver; omitted for self-reported and disputed values.</summary>
    public string? Party { get; init; }

    /// <summary>The published file a verifier re-derived the values from; omitted for any other check.</summary>
    public string? File { get; init; }

    public required int Values { get; init; }

    /// <summary>The sources of several parts summed, confirmed ones first (most values first), then the rest.</summary>
    public static IReadOnlyList<ScorecardConfirmationSource> Sum(IEnumerable<ScorecardConfirmationSource> parts) =>
        [.. parts
            .GroupBy(p => (p.Status, p.Party, p.File))
            .Select(g => g.First() with { Values = g.Sum(p => p.Values) })
            .OrderBy(s => Rank(s.Status))
            .ThenByDescending(s => s.Values)
            .ThenBy(s => s.Party, StringComparer.Ordinal)
            .ThenBy(s => s.File, StringComparer.Ordinal)];

    static int Rank(VerificationStatus status) => status switch
    {
        VerificationStatus.Verified => 0,
        VerificationStatus.Acknowledged => 1,
        VerificationStatus.Resolved => 2,
        VerificationStatus.Disputed => 3,
        VerificationStatus.VerificationFailed => 4,
        _ => 5,
    };
}
