namespace OutcomeLedger.Core.Reports;

/// <summary>A heading: level 1 (the pack's sections, each on a new page), 2 (a part of a section) or 3.</summary>
public sealed record PackHeading(string Text, int Level) : PackBlock;
