namespace OutcomeLedger.Core.Reports;

/// <summary>
/// An agreement's data as spreadsheets: a summary sheet (every commitment with both axes, what it needs, the
/// checkpoint) and a sheet per indicator (every value logged, the superseded ones too, with its entry), at one
/// checkpoint. Built by <see cref="ExportBuilder"/>; written as xlsx or CSV outside Core.
/// </summary>
public sealed record ExportWorkbook
{
    public required string Title { get; init; }

    /// <summary>The language's code (en, es).</summary>
    public required string Language { get; init; }

    /// <summary>The checkpoint's log time (the "as of" date at midnight UTC when it carries none): the workbook's date.</summary>
    public required DateTimeOffset Time { get; init; }

    public required ulong CheckpointSize { get; init; }

    public required string RootHash { get; init; }

    public required IReadOnlyList<ExportSheet> Sheets { get; init; }
}
