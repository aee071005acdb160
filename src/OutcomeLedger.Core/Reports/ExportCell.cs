using System.Globalization;

namespace OutcomeLedger.Core.Reports;

/// <summary>
/// One cell of an export: text, an exact number (the logged decimal, never rounded) or a date, or nothing. A writer
/// keeps the kind (an xlsx number cell, a date cell); <see cref="Invariant"/> is its plain-text form for CSV.
/// </summary>
public readonly record struct ExportCell
{
    public ExportCellKind Kind { get; private init; }

    public string? Text { get; private init; }

    public decimal? Number { get; private init; }

    public DateOnly? Date { get; private init; }

    public static ExportCell Empty => default;

    public static ExportCell Of(string? text) => text is null ? Empty : new() { Kind = ExportCellKind.Text, Text = text };

    public static ExportCell Of(decimal number) => new() { Kind = ExportCellKind.Number, Number = number };

    public static ExportCell Of(DateOnly? date) => date is { } d ? new() { Kind = ExportCellKind.Date, Date = d } : Empty;

    /// <summary>The cell as plain text: numbers with a point and no grouping, dates as ISO 8601 (yyyy-MM-dd).</summary>
    public string Invariant => Kind switch
    {
        ExportCellKind.Text => Text!,
        ExportCellKind.Number => Number!.Value.ToString(CultureInfo.InvariantCulture),
        ExportCellKind.Date => Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => "",
    };
}
