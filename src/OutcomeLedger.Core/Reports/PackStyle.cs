namespace OutcomeLedger.Core.Reports;

/// <summary>How a paragraph reads: body text, a smaller grey note, a quotation (said by someone), or code (commands, hashes, keys).</summary>
public enum PackStyle
{
    Body,
    Muted,
    Quote,
    Code,
}
