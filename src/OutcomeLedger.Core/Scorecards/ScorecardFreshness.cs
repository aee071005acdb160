using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// How current an indicator's data is at the scorecard's "as of" date (the checkpoint's log time), from the release
/// cadence and lag its source declares: the latest value logged, the latest period the source should have published by
/// then, and whether values are overdue. Present only when the indicator declares its releases.
/// </summary>
public sealed record ScorecardFreshness
{
    public ReleaseCadence? Cadence { get; init; }

    /// <summary>The declared release lag, an ISO 8601 duration ("P2W"); omitted when only the cadence is declared.</summary>
    public string? Lag { get; init; }

    /// <summary>The latest months of a series whose values the source still revises.</summary>
    public int? ProvisionalMonths { get; init; }

    /// <summary>The period of the latest value of any of the indicator's series; omitted when none is logged.</summary>
    public string? Latest { get; init; }

    /// <summary>The latest period whose value the source should have published before the "as of" date.</summary>
    public required string ExpectedThrough { get; init; }

    /// <summary>True when values are missing up to <see cref="ExpectedThrough"/>: the figures are not current. Omitted otherwise.</summary>
    public bool? Overdue { get; init; }

    /// <summary>The freshness of <paramref name="indicator"/>'s data, or null when it declares nothing about its releases.</summary>
    public static ScorecardFreshness? Of(IndicatorRecord indicator, Period? latest, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (!indicator.DeclaresReleases())
        {
            return null;
        }

        var expected = SeriesAssessment.ExpectedThrough(indicator.PeriodType, asOf, indicator.ReleaseLagOrDefault());
        return new ScorecardFreshness
        {
            Cadence = indicator.Cadence,
            Lag = indicator.Lag,
            ProvisionalMonths = indicator.ProvisionalMonths,
            Latest = latest?.ToString(),
            ExpectedThrough = expected.ToString(),
            Overdue = latest is not { } l || l < expected ? true : null,
        };
    }
}
