namespace OutcomeLedger.Core.Reports;

/// <summary>One entry of a chart's key: the symbol as drawn on the chart (a small self-contained SVG) and what it means.</summary>
public sealed record PackLegendItem(string Svg, string Label);
