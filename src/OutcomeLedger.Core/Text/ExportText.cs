namespace OutcomeLedger.Core.Text;

/// <summary>
/// The words of the spreadsheet export (<c>outcomes export</c>, the dashboard's downloads), in one language: a group of
/// <see cref="TextCatalogue"/> (its <see cref="TextCatalogue.Export"/>), kept in its own files so they sit together.
/// The other headers (commitment, rating, period…) are the catalogue's own words.
/// </summary>
public sealed partial class ExportText
{
    public required string CommitmentId { get; init; }

    public required string ConfirmedShare { get; init; }

    public required string OpenDisputes { get; init; }

    public required string CheckpointSize { get; init; }

    public required string PeriodStart { get; init; }

    public required string ValueReported { get; init; }

    public required string ValueStanding { get; init; }

    /// <summary>The status of a value a correction replaced.</summary>
    public required string Superseded { get; init; }

    public required string Attestations { get; init; }

    public required string LeafHash { get; init; }

    /// <summary>The dashboard's download links: "Download the data:", then the workbook and the summary's CSV.</summary>
    public required string Downloads { get; init; }

    public required string DownloadXlsx { get; init; }

    public required string DownloadCsv { get; init; }

    /// <summary>After the demo's workbook in its list of files.</summary>
    public required string DemoWorkbook { get; init; }
}
