namespace OutcomeLedger.Core.Reports;

/// <summary>A chart as a self-contained SVG (styles inline, <see cref="InlineSvg"/>), with its key: each item's symbol (an SVG) and words.</summary>
public sealed record PackChart(string Svg, IReadOnlyList<PackLegendItem> Legend) : PackBlock;
