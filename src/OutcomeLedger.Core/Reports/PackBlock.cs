namespace OutcomeLedger.Core.Reports;

/// <summary>One piece of a pack's content, laid out in order by the renderer; words are final (from the catalogue).</summary>
public abstract record PackBlock;
