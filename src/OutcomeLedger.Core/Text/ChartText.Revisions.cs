namespace OutcomeLedger.Core.Text;

// The words of a value's revisions: its chart, its page on the dashboard, and `outcomes measure history`.
public sealed partial class ChartText
{
    /// <summary>The title of a refused revisions page.</summary>
    public required string Revisions { get; init; }

    /// <summary>The chart's and page's title: {indicator} and {period}.</summary>
    public required string RevisionsOf { get; init; }

    /// <summary>The link from a value to its revisions: {count}.</summary>
    public required string RevisionsLink { get; init; }

    /// <summary>What the revisions' table lists.</summary>
    public required string RevisionsCaption { get; init; }

    /// <summary>A revision's number in order, a column heading.</summary>
    public required string Revision { get; init; }

    public required string CurrentFigure { get; init; }

    public required string SupersededFigure { get; init; }

    /// <summary>The source's release a figure comes from.</summary>
    public required string Release { get; init; }

    /// <summary>The day a figure was recorded in the ledger.</summary>
    public required string Recorded { get; init; }

    /// <summary>The entry a correction superseded, a column heading.</summary>
    public required string Corrects { get; init; }

    public required string CorrectionReason { get; init; }

    /// <summary>The change from the first figure to the current one: {change} (signed, with the unit) and {percent}.</summary>
    public required string RevisionsNet { get; init; }

    /// <summary>The link back to the indicator's page: {indicator}.</summary>
    public required string BackToIndicator { get; init; }

    public required string NotStated { get; init; }

    /// <summary>The revisions page asked for a value never logged: {indicator}, {period}.</summary>
    public required string RevisionsNoValue { get; init; }

    /// <summary>The revisions page asked for a period the indicator is not measured by, or no period: {period}, {indicator}.</summary>
    public required string RevisionsBadPeriod { get; init; }

    /// <summary>The revisions page asked for a dimension value the indicator does not declare: {dim}, {indicator}.</summary>
    public required string RevisionsBadDimension { get; init; }

    /// <summary>A value with more revisions than are shown: {max}.</summary>
    public required string RevisionsTooMany { get; init; }

    /// <summary>The CLI's line after writing a revision chart: {path}.</summary>
    public required string ChartWritten { get; init; }
}
