namespace OutcomeLedger.Core.Evaluation;

/// <summary>
/// How ratings of parts (indicators, or the series of a disaggregated indicator) combine, per the policy's rule.
/// "worst": the weakest part, in the order REGRESSED, STALLED, UNVERIFIABLE, INCREMENTAL, NOT_YET_ASSESSED,
/// ON_TRACK, MET. "all-met": MET only when every part is MET, ON_TRACK when every part is MET or ON_TRACK,
/// INCREMENTAL when some part is MET, ON_TRACK or INCREMENTAL and none REGRESSED (partial delivery), else the weakest.
/// </summary>
public static class RatingRollup
{
    public const string Worst = "worst";
    public const string AllMet = "all-met";

    static readonly Rating[] WorstFirst =
    [
        Rating.Regressed, Rating.Stalled, Rating.Unverifiable, Rating.Incremental, Rating.NotYetAssessed, Rating.OnTrack, Rating.Met,
    ];

    /// <summary>Position in the weakest-first order: 0 is REGRESSED.</summary>
    public static int Strength(Rating rating) => Array.IndexOf(WorstFirst, rating);

    /// <summary>The combined rating and the index of the weakest part (the first one on ties).</summary>
    public static (Rating Rating, int Weakest) Combine(string rule, IReadOnlyList<Rating> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        var weakest = 0;
        for (var i = 1; i < parts.Count; i++)
        {
            if (Strength(parts[i]) < Strength(parts[weakest]))
            {
                weakest = i;
            }
        }

        switch (rule)
        {
            case Worst:
                return (parts[weakest], weakest);
            case AllMet:
                if (parts.All(r => r == Rating.Met))
                {
                    return (Rating.Met, weakest);
                }

                if (parts.All(r => r is Rating.Met or Rating.OnTrack))
                {
                    return (Rating.OnTrack, weakest);
                }

                if (parts.Any(r => r is Rating.Met or Rating.OnTrack or Rating.Incremental) && !parts.Contains(Rating.Regressed))
                {
                    return (Rating.Incremental, weakest);
                }

                return (parts[weakest], weakest);
            default:
                throw new ArgumentException($"unknown rollup rule '{rule}'", nameof(rule));
        }
    }
}
