namespace OutcomeLedger.Core.Import;

/// <summary>
/// What a release of the source changed against the values the ledger held: values added (periods or series not logged
/// before), changed (recorded as corrections that supersede the old values) and unchanged, and the largest revisions,
/// by relative change (absolute change when an old value was zero), at most <see cref="LargestShown"/>.
/// </summary>
public sealed record RevisionReport(DateOnly? Release, int Added, int Changed, int Unchanged, IReadOnlyList<Revision> Largest)
{
    /// <summary>How many of the largest revisions a report lists.</summary>
    public const int LargestShown = 5;

    /// <summary>The revisions of <paramref name="planned"/>, the values an import would write or leave.</summary>
    public static RevisionReport Of(DateOnly? release, IReadOnlyList<PlannedMeasurement> planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var revisions = planned
            .Where(p => p.Action == PlannedMeasurement.Correction)
            .Select(p =>
            {
                var previous = p.PreviousValue!.Value;
                var change = p.Record.Value - previous;
                return new Revision(p.Record.Period, p.Record.Dimensions, previous, p.Record.Value, p.Supersedes!.Value, change,
                    previous == 0 ? null : (double)(change / previous));
            })
            .OrderByDescending(r => r.RelativeChange is { } relative ? Math.Abs(relative) : double.PositiveInfinity)
            .ThenByDescending(r => Math.Abs(r.Change))
            .ThenBy(r => r.Period)
            .ThenBy(r => MeasurementKey(r.Dimensions), StringComparer.Ordinal)
            .ToList();
        return new RevisionReport(
            release,
            planned.Count(p => p.Action == PlannedMeasurement.New),
            revisions.Count,
            planned.Count(p => p.Action == PlannedMeasurement.Unchanged),
            [.. revisions.Take(LargestShown)]);
    }

    static string MeasurementKey(IReadOnlyDictionary<string, string> dimensions) =>
        string.Join(",", dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
}
