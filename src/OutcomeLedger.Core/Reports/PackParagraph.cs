namespace OutcomeLedger.Core.Reports;

/// <summary>Running text in one style.</summary>
public sealed record PackParagraph(string Text, PackStyle Style = PackStyle.Body) : PackBlock;
