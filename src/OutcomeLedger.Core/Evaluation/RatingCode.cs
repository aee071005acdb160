namespace OutcomeLedger.Core.Evaluation;

/// <summary>A rating's code, as the scorecard JSON writes it ("NOT_YET_ASSESSED", "ON_TRACK"): not a word for people.</summary>
public static class RatingCode
{
    public static string Of(Rating rating) => rating switch
    {
        Rating.NotYetAssessed => "NOT_YET_ASSESSED",
        Rating.Met => "MET",
        Rating.OnTrack => "ON_TRACK",
        Rating.Incremental => "INCREMENTAL",
        Rating.Stalled => "STALLED",
        Rating.Regressed => "REGRESSED",
        Rating.Unverifiable => "UNVERIFIABLE",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };

    /// <summary>The code as a CSS class name: "on-track".</summary>
    public static string CssClass(Rating rating) => Of(rating).ToLowerInvariant().Replace('_', '-');
}
