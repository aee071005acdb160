namespace OutcomeLedger.Core.Text;

/// <summary>
/// The words of the charts (their in-chart labels, window toggle and downloads) and of the dashboard's home page, in
/// one language: a group of <see cref="TextCatalogue"/> (its <see cref="TextCatalogue.Chart"/>), kept in its own files.
/// </summary>
public sealed partial class ChartText
{
    /// <summary>The dashed line of the segmented regression's no-commitment projection.</summary>
    public required string ProjectedTrend { get; init; }

    /// <summary>The short in-chart label of that line.</summary>
    public required string ProjectedTrendShort { get; init; }

    /// <summary>The toggle that shows a chart over every period in the log rather than the assessment window.</summary>
    public required string FullHistory { get; init; }

    /// <summary>The link back to the assessment window.</summary>
    public required string AssessmentWindowOnly { get; init; }

    /// <summary>What the default chart shows: {from} and {to} are dates.</summary>
    public required string WindowShown { get; init; }

    /// <summary>What the charts show when the full history was asked for: {from} and {to} are dates.</summary>
    public required string FullHistoryShown { get; init; }

    public required string Download { get; init; }

    public required string DownloadSvg { get; init; }

    public required string DownloadCsv { get; init; }


    // ---- The dashboard's home page ----

    public required string LatestStatement { get; init; }

    public required string NoStatement { get; init; }

    /// <summary>The sparkline's accessible name: {indicator}.</summary>
    public required string Sparkline { get; init; }

    public required string Search { get; init; }

    public required string SearchButton { get; init; }

    public required string SearchPlaceholder { get; init; }

    /// <summary>The heading of the results: {query}.</summary>
    public required string SearchResults { get; init; }

    public required string NoResults { get; init; }

    /// <summary>A query longer than the limit: {max}.</summary>
    public required string QueryTooLong { get; init; }

    public required string NewestFirst { get; init; }

    /// <summary>The submit page's steps to get and use a token.</summary>
    public required string TokenHowTo { get; init; }

    /// <summary>{command}: the command that creates a token (shown as code).</summary>
    public required string TokenStep1 { get; init; }

    public required string TokenStep2 { get; init; }

    public required string TokenStep3 { get; init; }

    /// <summary>{header}: the HTTP header that carries it (shown as code).</summary>
    public required string TokenStep4 { get; init; }
}
