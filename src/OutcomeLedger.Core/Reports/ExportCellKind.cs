namespace OutcomeLedger.Core.Reports;

/// <summary>What a spreadsheet cell holds, so that a writer stores numbers as numbers and dates as dates.</summary>
public enum ExportCellKind
{
    Empty,
    Text,
    Number,
    Date,
}
