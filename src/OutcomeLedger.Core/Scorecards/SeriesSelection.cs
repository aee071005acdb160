using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// Which of an indicator's series a scorecard, pack or dashboard page charts one by one. Up to
/// <see cref="MostCharted"/> series, every one is charted, as before. Beyond, a reader cannot use a chart per series
/// (an indicator of 200 ports made a commitment page of 393 MB), so the page charts <see cref="MostCharted"/> of them,
/// the ones that matter: the total, then the series under a dispute or with a data note, then those with the largest
/// latest value; and lists every series in one compact table (<see cref="Overflows"/>). The JSON scorecard keeps every
/// series and every value.
/// </summary>
public static class SeriesSelection
{
    /// <summary>
    /// The most series charted one by one: a year of months as small multiples, about what a reader compares at once,
    /// and a page of twelve charts stays within a few hundred kilobytes.
    /// </summary>
    public const int MostCharted = 12;

    /// <summary>Whether the indicator has more series than are charted, so its page lists them all in one table.</summary>
    public static bool Overflows(ScorecardIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Series.Count > MostCharted;
    }

    /// <summary>The series charted, in the indicator's order: all of them, or the <see cref="MostCharted"/> that matter.</summary>
    public static IReadOnlyList<ScorecardSeries> Charted(ScorecardIndicator indicator)
    {
        if (!Overflows(indicator))
        {
            return indicator.Series;
        }

        var noted = (indicator.DataNotes ?? []).Select(n => DimensionsKey(n.Dimensions)).ToHashSet(StringComparer.Ordinal);
        var chosen = indicator.Series
            .Select((series, position) => (Series: series, Position: position))
            .OrderBy(x => Priority(x.Series, noted))
            .ThenByDescending(x => Latest(x.Series)?.Stands ?? decimal.MinValue)
            .ThenBy(x => x.Position)
            .Take(MostCharted)
            .Select(x => x.Position)
            .ToHashSet();
        return [.. indicator.Series.Where((_, position) => chosen.Contains(position))];
    }

    /// <summary>The series' latest value (its last period), or null when it has none.</summary>
    public static ScorecardPoint? Latest(ScorecardSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.Points.Count > 0 ? series.Points[^1] : null;
    }

    /// <summary>The series' name: its dimensions, or the total.</summary>
    public static string Name(ScorecardSeries series, TextCatalogue text)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(text);
        return series.Dimensions.Count == 0 ? text.Total : string.Join(", ", series.Dimensions.Select(d => $"{d.Key}: {d.Value}"));
    }

    /// <summary>
    /// One row of the table of every series, in words for people: the series' name, its latest period, the figure that
    /// stands for it with the unit, its rating, and the latest value's status ("—" for a series with no value).
    /// </summary>
    public sealed record OverviewRow(string Name, string Period, string Value, Rating Rating, string Status);

    /// <summary>The rows of the table of every series of <paramref name="indicator"/>, in its order (every renderer's).</summary>
    public static IEnumerable<OverviewRow> Overview(ScorecardIndicator indicator, TextCatalogue text)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(text);
        var f = text.Format;
        return indicator.Series.Select(series => Latest(series) is { } latest
            ? new OverviewRow(Name(series, text), f.Period(latest.Period), f.Figure(latest.Stands) + " " + indicator.Unit, series.Rating, text.StatusName(latest.Status))
            : new OverviewRow(Name(series, text), "—", "—", series.Rating, "—"));
    }

    /// <summary>The table's heading and the sentence saying why <paramref name="shown"/> of the series are charted.</summary>
    public static (string Heading, string Explained) OverviewHeading(ScorecardIndicator indicator, int shown, TextCatalogue text)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(text);
        var count = text.Format.Number(indicator.Series.Count, 0);
        return (TextCatalogue.Fill(text.AllSeries, ("count", count)), TextCatalogue.Fill(text.AllSeriesExplained, ("count", count), ("shown", text.Format.Number(shown, 0))));
    }

    /// <summary>
    /// A key for a set of dimension values, the same whatever their order ("" for none): to group or match series.
    /// </summary>
    internal static string DimensionsKey(IReadOnlyDictionary<string, string>? dimensions) =>
        dimensions is null || dimensions.Count == 0 ? "" : string.Join('\u001f', dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key + "=" + d.Value));

    // The total first, then a series a reader must look at (a dispute open on it, or a data note), then the rest.
    static int Priority(ScorecardSeries series, HashSet<string> noted) =>
        series.Dimensions.Count == 0 ? 0
        : series.Disputed > 0 || series.Points.Any(p => p.OpenDisputes is { Count: > 0 }) || noted.Contains(DimensionsKey(series.Dimensions)) ? 1
        : 2;
}
