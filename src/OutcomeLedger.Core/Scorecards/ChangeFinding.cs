namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The change the rating rests on, in percent with its interval: the observed change of the mean of
/// <see cref="From"/>…<see cref="To"/> against the baseline of <see cref="BaselineFrom"/>…<see cref="BaselineTo"/>
/// (schema 2; <see cref="AgainstTrend"/> false). Schema 1 rated the change against the projected no-commitment trend
/// (<see cref="AgainstTrend"/> true) or the pre-commitment mean.
/// </summary>
public sealed record ChangeFinding(double Percent, double Lower, double Upper, double Confidence, bool AgainstTrend)
{
    /// <summary>The first compared period.</summary>
    public string? From { get; init; }

    /// <summary>The last compared period.</summary>
    public string? To { get; init; }

    /// <summary>The mean of the compared periods.</summary>
    public double? Mean { get; init; }

    /// <summary>The compared periods.</summary>
    public int? Count { get; init; }

    public string? BaselineFrom { get; init; }

    public string? BaselineTo { get; init; }

    /// <summary>The baseline: stated, the mean of the baseline periods, or of their same calendar months.</summary>
    public double? Baseline { get; init; }

    /// <summary>How the change was computed, and so what <see cref="Baseline"/> is.</summary>
    public Evaluation.Statistics.ObservedChangeMethod? Method { get; init; }
}
