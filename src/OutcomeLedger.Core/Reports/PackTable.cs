namespace OutcomeLedger.Core.Reports;

/// <summary>
/// A table: its column headings (none for a list of facts), the columns' shares of the width (summing to 1), and rows
/// of cells. A row is never split across pages; the headings repeat on a new page.
/// </summary>
public sealed record PackTable(IReadOnlyList<string> Headers, IReadOnlyList<double> Widths, IReadOnlyList<IReadOnlyList<PackCell>> Rows) : PackBlock;
