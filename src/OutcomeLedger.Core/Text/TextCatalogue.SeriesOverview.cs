namespace OutcomeLedger.Core.Text;

// Words of the one compact table that lists every series of an indicator with more series than a reader can use as
// charts (Scorecards.SeriesSelection): the scorecards, the pack and the dashboard.
public sealed partial class TextCatalogue
{
    /// <summary>The heading of the table of every series: <c>{count}</c>.</summary>
    public required string AllSeries { get; init; }

    /// <summary>Why only some series are charted and which: <c>{count}</c> series, <c>{shown}</c> charted.</summary>
    public required string AllSeriesExplained { get; init; }

    /// <summary>The column of the series' name (its dimensions, or the total).</summary>
    public required string SeriesColumn { get; init; }

    /// <summary>The column of a series' latest period.</summary>
    public required string LatestPeriod { get; init; }

    /// <summary>The column of the figure that stands for a series' latest period.</summary>
    public required string LatestValue { get; init; }

    /// <summary>The link to the page of series before this one.</summary>
    public required string EarlierSeries { get; init; }

    /// <summary>The link to the page of series after this one.</summary>
    public required string LaterSeries { get; init; }
}
