using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Core.Sessions;

// A value's revisions: every figure logged for one (indicator, period, dimensions), read from the projection by the
// value's series key, each entry read back proven.
public sealed partial class LedgerSession
{
    /// <summary>
    /// How many figures were logged for each value of <paramref name="seriesKeys"/> (keys of
    /// <see cref="MeasurementState.SeriesKey"/>), read from the projection's series index: a page's revised values, not
    /// every value of the indicator.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> RevisionCountsAsync(IReadOnlyCollection<string> seriesKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesKeys);
        if (seriesKeys.Count == 0)
        {
            return new Dictionary<string, int>(StringComparer.Ordinal);
        }

        var rows = await Store.FindAsync(MeasurementRecordKind.Table, "series", [.. seriesKeys], cancellationToken);
        return rows.CountBy(r => r.Text("series")!, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// The revisions of one value: the figures its reporter logged for the indicator, period and dimension values of
    /// <paramref name="request"/>, in log order (each correction after the figure it superseded). A period of another
    /// type than the indicator's, a dimension it does not declare, or a value never logged is refused naming the field;
    /// a value with more than <see cref="ValueRevisions.MaxRevisions"/> figures is refused (a value has a few).
    /// </summary>
    public async Task<ValueRevisions> ValueRevisionsAsync(ValueRevisionsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var indicator = (await RequireIndicatorAsync(request.Indicator, cancellationToken)).Record;
        if (request.Period.Type != indicator.PeriodType)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "period",
                $"indicator '{indicator.Id}' is measured by {indicator.PeriodType.ToString().ToLowerInvariant()}, not by {request.Period.Type.ToString().ToLowerInvariant()} ('{request.Period}')");
        }

        foreach (var (name, value) in request.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (!indicator.Dimensions.TryGetValue(name, out var allowed))
            {
                throw new LedgerRequestException(LedgerError.Invalid, $"dimensions.{name}", $"indicator '{indicator.Id}' has no dimension '{name}'"
                    + (indicator.Dimensions.Count == 0 ? "" : $" (it has {string.Join(", ", indicator.Dimensions.Keys.Order(StringComparer.Ordinal))})"));
            }

            if (!allowed.Contains(value))
            {
                throw new LedgerRequestException(LedgerError.Invalid, $"dimensions.{name}", $"'{value}' is not a value of dimension '{name}' (it takes {string.Join(", ", allowed)})");
            }
        }

        var key = MeasurementState.KeyOf(indicator.Id, request.Period, indicator.Reporter, request.Dimensions);
        var rows = await Store.FindAsync(MeasurementRecordKind.Table, "series", [key], cancellationToken);
        if (rows.Count == 0)
        {
            var dims = request.Dimensions.Count == 0 ? "" : " (" + string.Join(", ", request.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}")) + ")";
            throw new LedgerRequestException(LedgerError.NotFound, "period", $"no value of '{indicator.Id}' for {request.Period}{dims} is logged (see 'outcomes measure list --indicator {indicator.Id}')");
        }

        if (rows.Count > ValueRevisions.MaxRevisions)
        {
            throw new LedgerRequestException(LedgerError.Refused, "period", $"the value of '{indicator.Id}' for {request.Period} has {rows.Count} revisions, more than the {ValueRevisions.MaxRevisions} shown");
        }

        var ordered = rows.OrderBy(r => r.Index("log_index")!.Value).ToList();
        var measurements = await MeasurementsAsync(ordered, cancellationToken);
        var revisions = measurements.Select(m => new ValueRevision(
            m.Index, m.Record.Value, m.Record.Author, m.Record.Source.Release, m.Record.RecordedAt, m.Record.Provisional,
            m.Record.Supersedes, m.Record.Supersedes is null ? null : m.Record.Note, m.SupersededBy is null)).ToList();
        return new ValueRevisions(indicator.Id, indicator.Name, indicator.Unit, request.Period, request.Dimensions, revisions);
    }
}
