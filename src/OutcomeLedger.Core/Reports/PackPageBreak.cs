namespace OutcomeLedger.Core.Reports;

/// <summary>The next block starts a new page.</summary>
public sealed record PackPageBreak : PackBlock;
