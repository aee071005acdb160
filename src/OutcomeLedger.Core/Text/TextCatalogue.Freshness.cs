using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Text;

// Words of freshness and revisions (issue 13, Deliver 6 and 7): how current an indicator's data is, from its source's
// declared releases, and what a newer release changed.
public sealed partial class TextCatalogue
{
    /// <summary>A release's revision report: <c>{release}</c>, <c>{added}</c>, <c>{changed}</c>, <c>{unchanged}</c>.</summary>
    public required string RevisionSummary { get; init; }

    public required string RevisionLargest { get; init; }

    /// <summary>Column: the value before, <c>{unit}</c>.</summary>
    public required string RevisionBefore { get; init; }

    /// <summary>Column: the value after, <c>{unit}</c>.</summary>
    public required string RevisionAfter { get; init; }

    public required string RevisionChange { get; init; }

    public required string RevisionSupersedes { get; init; }

    /// <summary>Values missing: <c>{latest}</c>, <c>{expected}</c>, <c>{schedule}</c>.</summary>
    public required string FreshnessOverdue { get; init; }

    /// <summary>No value logged yet, some expected: <c>{expected}</c>, <c>{schedule}</c>.</summary>
    public required string FreshnessNoValues { get; init; }

    /// <summary>Data as current as the source's releases allow: <c>{latest}</c>, <c>{expected}</c>, <c>{schedule}</c>.</summary>
    public required string FreshnessCurrent { get; init; }

    /// <summary>The release schedule: <c>{cadence}</c>, <c>{lag}</c> (a <see cref="LagMonths"/>-style phrase).</summary>
    public required string ReleaseSchedule { get; init; }

    /// <summary>The release schedule without a declared cadence: <c>{lag}</c>.</summary>
    public required string ReleaseLagOnly { get; init; }

    /// <summary>"2 weeks'" in "about 2 weeks' lag".</summary>
    public required Plural LagDays { get; init; }

    public required Plural LagWeeks { get; init; }

    public required Plural LagMonths { get; init; }

    public required string CadenceWeekly { get; init; }

    public required string CadenceMonthly { get; init; }

    public required string CadenceQuarterly { get; init; }

    public required string CadenceYearly { get; init; }

    /// <summary>"the latest 13 months' values are provisional".</summary>
    public required Plural ProvisionalMonthsNote { get; init; }

    /// <summary>The label of the freshness line (indicator show, the dashboard).</summary>
    public required string Freshness { get; init; }

    public string CadenceName(ReleaseCadence cadence) => cadence switch
    {
        ReleaseCadence.Weekly => CadenceWeekly,
        ReleaseCadence.Quarterly => CadenceQuarterly,
        ReleaseCadence.Yearly => CadenceYearly,
        _ => CadenceMonthly,
    };

    public string LagPhrase(ReleaseLag lag) => (lag.Unit switch
    {
        ReleaseLagUnit.Day => LagDays,
        ReleaseLagUnit.Week => LagWeeks,
        _ => LagMonths,
    }).Of(lag.Amount);

    /// <summary>
    /// "overdue: latest value Dec 2025, expected through Oct 2026 (monthly, about 2 weeks' lag)", then the provisional
    /// months when declared. The lag is the declared one, or the default the evaluation assumes when none is declared.
    /// </summary>
    public string FreshnessLine(string? latest, string expectedThrough, bool? overdue, ReleaseCadence? cadence, string? declaredLag, int? provisionalMonths)
    {
        var f = Format;
        var lag = LagPhrase(ReleaseLag.TryParse(declaredLag, out var declared) ? declared : ReleaseLag.Default);
        var schedule = cadence is { } named
            ? Fill(ReleaseSchedule, ("cadence", CadenceName(named)), ("lag", lag))
            : Fill(ReleaseLagOnly, ("lag", lag));
        var template = latest is null ? FreshnessNoValues : overdue == true ? FreshnessOverdue : FreshnessCurrent;
        var line = Fill(template, ("latest", f.Period(latest ?? "")), ("expected", f.Period(expectedThrough)), ("schedule", schedule));
        return provisionalMonths is { } months ? line + "; " + ProvisionalMonthsNote.Of(months) : line;
    }
}
