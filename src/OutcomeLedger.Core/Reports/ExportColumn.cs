namespace OutcomeLedger.Core.Reports;

/// <summary>A column of an export sheet: its header in the reader's language and the kind of its cells.</summary>
public sealed record ExportColumn(string Header, ExportCellKind Kind);
