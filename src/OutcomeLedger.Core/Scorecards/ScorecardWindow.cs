namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The assessment window a series is judged on: the baseline periods, then the periods from the start of the
/// assessment (the period containing the commitment, or a statement the policy marks as resetting expectations) to the last period of the evaluation's "as of" date. The
/// observed change, the trend tests, the segmented regression and the confirmed share all use the values in it.
/// </summary>
public sealed record ScorecardWindow
{
    /// <summary>The first baseline period.</summary>
    public required string BaselineFrom { get; init; }

    /// <summary>The last baseline period.</summary>
    public required string BaselineTo { get; init; }

    /// <summary>The first period assessed: the period containing <see cref="StartDate"/>.</summary>
    public required string From { get; init; }

    /// <summary>The last period assessed: the period containing the evaluation's "as of" date.</summary>
    public required string To { get; init; }

    /// <summary>The date the assessment starts from (the commitment's date, or the resetting statement's).</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>
    /// What <see cref="StartDate"/> is: <c>commitment</c> (the commitment's date) or <c>statement</c> (the date of
    /// <see cref="Statement"/>, a later statement the commitment cites and the policy marks as resetting expectations).
    /// </summary>
    public required string StartsAt { get; init; }

    /// <summary>The statement that reset expectations, when <see cref="StartsAt"/> is <c>statement</c>; omitted otherwise.</summary>
    public string? Statement { get; init; }
}
