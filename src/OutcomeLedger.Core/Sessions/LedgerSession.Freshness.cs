using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Core.Sessions;

// Freshness (issue 13, Deliver 6): how current an indicator's data is, as a scorecard of the latest checkpoint says it.
public sealed partial class LedgerSession
{
    /// <summary>
    /// How current <paramref name="indicator"/>'s data is at the latest checkpoint's log time (the "as of" date of a
    /// scorecard made now), from its declared release cadence and lag; null when it declares none. Reads two rows of the
    /// projection, whatever the series' length.
    /// </summary>
    public async Task<ScorecardFreshness?> FreshnessAsync(IndicatorRecord indicator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (!indicator.DeclaresReleases())
        {
            return null;
        }

        var query = new MeasurementQuery { Indicator = indicator.Id };
        var first = await ListMeasurementsAsync(query, Paging.First(1), cancellationToken);
        Period? latest = null;
        if (first.Total > 0)
        {
            // Listed by period: the last row is the latest period.
            var last = await ListMeasurementsAsync(query, new Paging((int)Math.Min(first.Total - 1, int.MaxValue), 1), cancellationToken);
            latest = last.Items.Count > 0 ? last.Items[0].Record.Period : null;
        }

        var checkpoint = await LatestCheckpointAsync(cancellationToken);
        var asOf = checkpoint is not null && LogTime.Of(checkpoint.Note) is { } logged ? logged : Now();
        return ScorecardFreshness.Of(indicator, latest, DateOnly.FromDateTime(asOf.UtcDateTime));
    }
}
