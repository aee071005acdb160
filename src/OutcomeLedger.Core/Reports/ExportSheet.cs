namespace OutcomeLedger.Core.Reports;

/// <summary>
/// One sheet of an export (one CSV file): its name (unique in the workbook, case aside; at most 31 characters of
/// letters, digits, '.', '_' and '-', so it is a valid xlsx sheet name and file name alike), its columns and its rows.
/// </summary>
public sealed record ExportSheet(string Name, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<IReadOnlyList<ExportCell>> Rows);
